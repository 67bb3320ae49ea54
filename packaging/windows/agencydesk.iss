; Inno Setup script for agencydesk on Windows (Inno Setup 6.3 or newer).
;
; First build the app folder on Windows:  .venv\Scripts\python packaging\build.py
; then, from this folder:                 iscc agencydesk.iss
; which writes dist\agencydesk-<version>-windows-x64-setup.exe. The version is read from
; the version resource of dist\agencydesk\agencydesk.exe (packaging/agencydesk.spec sets it).
;
; Installs for the current user by default (no administrator needed); the user's data folder
; (%LOCALAPPDATA%\agencydesk) is never touched by installing, upgrading or uninstalling.

#define AppName "agencydesk"
#define AppId "io.github.agencydesk.AgencyDesk"
#define AppExe "agencydesk.exe"
#define Bundle "..\..\dist\agencydesk"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, "ProductVersion")
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The agencydesk developers
AppPublisherURL=https://github.com/agencydesk/agencydesk
AppSupportURL=https://github.com/agencydesk/agencydesk/issues
AppCopyright=Copyright (c) 2026 the agencydesk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
SetupIconFile=agencydesk.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Inno Setup ships no Indonesian wizard; the app itself speaks Bahasa Indonesia.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program files, so that no library of the old version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
