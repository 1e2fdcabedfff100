; Inno Setup 6 script: a per-user installer of zhucun_desktop that needs no administrator rights.
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\zhucun.iss      (packaging\build_windows.ps1 does this after the build)
;
; Installs dist\zhucun\ into %LOCALAPPDATA%\Programs\zhucun_desktop, adds Start-menu shortcuts (program, demo,
; uninstall) and optionally a desktop shortcut. The clerk's data (%LOCALAPPDATA%\zhucun_desktop: database,
; backups, error log) is not part of the installation, so uninstalling or upgrading never touches it.
; Qt 6 runs on 64-bit Windows 10 version 1809 (build 17763) or later and Windows 11: older PCs are refused with
; Inno Setup's own message instead of a program that will not start.
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 needs to read the Chinese names.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "驻村第一书记和工作队管理系统"
#define AppExe "zhucun-desktop.exe"

[Setup]
AppId={{6F0C7A52-3B1E-4C8D-9A57-2D1E5B8C4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=县委组织部
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\zhucun_desktop
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=zhucun-setup-{#AppVersion}
SetupIconFile=..\zhucun_desktop\resources\icons\zhucun.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
; Inno Setup without the Chinese translation: English wizard, Chinese names for the program and its shortcuts.
Name: "default"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "..\dist\zhucun\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\zhucun_desktop\resources\fonts\LICENSE-wqy-microhei.txt"; DestDir: "{app}\许可证"; Flags: ignoreversion

[InstallDelete]
; files of an older version that the new one no longer ships
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userprograms}\{#AppName}\演示数据（云岭县）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{userprograms}\{#AppName}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即启动{#AppName}"; Flags: nowait postinstall skipifsilent
