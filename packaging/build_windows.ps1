# Build the Windows program on a Windows PC with Python 3.10+ installed (python.org, "Add python.exe to PATH").
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
#
# 1. tools\build_bundle.py makes .venv, installs the dependencies and PyInstaller, builds dist\zhucun\
#    (zhucun-desktop.exe + zhucun.exe) and smoke-tests it (demo database, attendance PDF, GUI start, lock);
# 2. if Inno Setup 6 is installed (https://jrsoftware.org/isdl.php, ISCC.exe), packaging\zhucun.iss makes
#    dist\zhucun-setup-<version>.exe, an installer that needs no administrator rights.
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

$python = Get-Command py -ErrorAction SilentlyContinue
if ($python) { $pyArgs = @("-3") } else { $python = Get-Command python -ErrorAction Stop; $pyArgs = @() }

& $python.Source @pyArgs tools\build_bundle.py
if ($LASTEXITCODE -ne 0) { throw "打包或自检失败 (bundle build or smoke test failed): exit $LASTEXITCODE" }

$version = (Select-String -Path pyproject.toml -Pattern '^version\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
$iscc = @(
    (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source,
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $iscc) {
    Write-Warning "没有找到 Inno Setup 6 (ISCC.exe)：只生成了 dist\zhucun\ 文件夹，未生成安装程序。"
    Write-Warning "Inno Setup 6 not found: dist\zhucun\ is ready, no installer was made."
    exit 0
}
& $iscc "/DAppVersion=$version" packaging\zhucun.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed: exit $LASTEXITCODE" }
Write-Host "安装程序 / installer: dist\zhucun-setup-$version.exe"
