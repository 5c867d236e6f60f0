; NSIS script: per-user installer for the one-folder PyInstaller build (installer/erpdesk.spec).
;
;   makensis /DVERSION=0.1.0 installer\erpdesk.nsi      (after pyinstaller wrote dist\ERPDesk)
;
; Per-user (no administrator rights needed, as in most small offices), English and Simplified Chinese
; pages. The uninstaller removes the program only: the data folder %APPDATA%\ERPDesk (settings.toml,
; erpdesk.db, backups, logs) is the office's archive and is never deleted by an uninstall.
Unicode true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!define APP "ERPDesk"
!define DIST "..\dist\ERPDesk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${APP} ${VERSION}"
OutFile "..\dist\ERPDesk-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\ERPDesk.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutCli ${LANG_ENGLISH} "ERPDesk self-test"
LangString ShortcutCli ${LANG_SIMPCHINESE} "ERPDesk 自检"
LangString SelfTestFailed ${LANG_ENGLISH} "The installed program failed its self-test. Run 'erpdesk-cli self-test' in the installation folder to see which part is broken."
LangString SelfTestFailed ${LANG_SIMPCHINESE} "安装后的程序自检未通过。请在安装目录中运行“erpdesk-cli self-test”查看哪一部分有问题。"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "ERPDesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole program folder so no file of an older version lingers.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"

  ; Prove the installed copy works before telling the user it does.
  nsExec::ExecToLog '"$INSTDIR\erpdesk-cli.exe" self-test'
  Pop $0
  StrCmp $0 "0" +2
    MessageBox MB_ICONEXCLAMATION|MB_OK "$(SelfTestFailed)"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\ERPDesk.exe"
  CreateShortCut "$SMPROGRAMS\${APP}\$(ShortcutCli).lnk" "$SYSDIR\cmd.exe" '/k ""$INSTDIR\erpdesk-cli.exe" self-test"'
  CreateShortCut "$DESKTOP\${APP}.lnk" "$INSTDIR\ERPDesk.exe"

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "ERPDesk"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  ; %APPDATA%\ERPDesk (the database, backups, settings) is kept on purpose.
SectionEnd
