@echo off
rem chartlint: runs the chartlint command line from this installation (Windows).
rem Values that may hold parentheses (C:\Program Files (x86)) are expanded with !...! inside blocks.
rem Java 17 or later comes from JAVA_HOME, else from the PATH. JAVA_OPTS is passed to the JVM.
rem The class-data sharing archive (Java 19 and later) lives in %LOCALAPPDATA%\chartlint, named
rem after chartlint's and Java's versions; the JVM recreates it when it no longer matches. Every JVM
rem log message goes to standard error, so standard output carries only chartlint's report.
setlocal EnableExtensions EnableDelayedExpansion

set "CHARTLINT_HOME=%~dp0.."

if defined JAVA_HOME (
  set "JAVA=!JAVA_HOME!\bin\java.exe"
  if not exist "!JAVA!" (
    echo chartlint: JAVA_HOME is !JAVA_HOME!, but !JAVA! does not exist; point JAVA_HOME at a Java 17 or later installation 1>&2
    exit /b 2
  )
) else (
  set "JAVA="
  for %%j in (java.exe) do set "JAVA=%%~$PATH:j"
  if not defined JAVA (
    echo chartlint: no Java found: chartlint needs Java 17 or later; install one and put it on the PATH, or set JAVA_HOME 1>&2
    exit /b 2
  )
)

set "JAVA_VERSION="
for /f "tokens=3" %%v in ('"!JAVA!" -version 2^>^&1 ^| findstr /i /c:" version "') do (
  if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
)
for /f "delims=.-+ tokens=1,2" %%a in ("!JAVA_VERSION!") do (
  set "JAVA_MAJOR=%%a"
  if "%%a"=="1" set "JAVA_MAJOR=%%b"
)
if not defined JAVA_MAJOR (
  echo chartlint: cannot tell the version of !JAVA!; chartlint needs Java 17 or later 1>&2
  exit /b 2
)
if !JAVA_MAJOR! LSS 17 (
  echo chartlint: !JAVA! is Java !JAVA_VERSION!; chartlint needs Java 17 or later: set JAVA_HOME to a newer Java 1>&2
  exit /b 2
)

set "CDS="
if not "%CHARTLINT_CDS%"=="0" if defined LOCALAPPDATA if !JAVA_MAJOR! GEQ 19 (
  if not exist "!LOCALAPPDATA!\chartlint" mkdir "!LOCALAPPDATA!\chartlint" 2>nul
  set "CDS=-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=!LOCALAPPDATA!\chartlint\chartlint-${project.version}-java!JAVA_VERSION!.jsa"
)

"!JAVA!" -Dcom.marcnuri.jkube-helm.skipRemoteJar=true --enable-native-access=ALL-UNNAMED -Xlog:disable -Xlog:all=warning:stderr !CDS! %JAVA_OPTS% -cp "%CHARTLINT_HOME%\lib\*;%CHARTLINT_HOME%\lib\native\windows-amd64\*" io.chartlint.cli.Main %*
exit /b %ERRORLEVEL%
