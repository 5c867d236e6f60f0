# Build the Windows installer: ERPDesk-<version>-setup.exe in dist\.
#
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
#
# Needs Python 3.11+ and NSIS (makensis on PATH). Stops at the first failing step; the frozen build
# must pass `erpdesk self-test` before it is packed.
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

python -m venv .build-venv
& .build-venv\Scripts\python -m pip install --upgrade pip
& .build-venv\Scripts\python -m pip install . pyinstaller
& .build-venv\Scripts\pyside6-lrelease -silent resources\i18n\erpdesk_zh_CN.ts -qm resources\i18n\erpdesk_zh_CN.qm
& .build-venv\Scripts\pyinstaller installer\erpdesk.spec --noconfirm --distpath dist --workpath build\pyinstaller
& dist\ERPDesk\erpdesk-cli.exe self-test
if ($LASTEXITCODE -ne 0) { throw "The frozen build failed its self-test." }
$version = (& .build-venv\Scripts\python -c "import erpdesk; print(erpdesk.__version__)").Trim()
makensis /DVERSION=$version installer\erpdesk.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed." }
Write-Host "dist\ERPDesk-$version-setup.exe"
