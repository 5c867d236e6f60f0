"""Use cases over domain rules and storage. Never Qt; never ORM objects to callers, only frozen DTOs."""
