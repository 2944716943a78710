@echo off
rem pcsh @pcsh.version@ for Windows, installed from a release archive (README "Install"). No arguments: the
rem interactive shell; arguments: run that one command and exit with its exit code.
rem Java: ..\runtime when there is one, else %JAVA_HOME%\bin\java.exe, else the java.exe on the PATH.
rem It writes nothing where it is installed: on JDK 19 and newer the JVM keeps a class archive of pcsh in
rem %LOCALAPPDATA%\pcsh, one per version and JDK feature release, made on the first run and used from then on.
rem The flags are those of the sh launcher beside it (bin/pcsh) and of the repository's ./pcsh: change them together.
rem
rem Arguments reach pcsh as cmd.exe passed them to this script (WindowsLauncherTest checks these rules):
rem  - %* appears once, on the java line, and nowhere else: no %1..%9, no SHIFT, no CALL, no FOR over it, no SET of
rem    it, so no second round of parsing can change an argument;
rem  - delayed expansion is off, so a ! in an argument stays a ! (no !VAR! is ever expanded here);
rem  - %* is expanded once, so a % in an argument is not expanded again;
rem  - quotes are passed as they were typed, and Java splits the command line with the usual Windows rules;
rem  - the java line is outside any ( ) block, so a ) in an argument or a path closes nothing;
rem  - ^ & | < > are cmd.exe's own characters: inside double quotes they reach pcsh unchanged ("a^b", "a&b"); outside
rem    quotes cmd.exe reads them, in your shell and again on the java line, so quote such an argument.
setlocal EnableExtensions DisableDelayedExpansion

set "PCSH_INSTALL=%~dp0.."
for %%I in ("%PCSH_INSTALL%") do set "PCSH_INSTALL=%%~fI"
if "%PCSH_INSTALL:~-1%"=="\" set "PCSH_INSTALL=%PCSH_INSTALL:~0,-1%"

set "PCSH_JAVA=%PCSH_INSTALL%\runtime\bin\java.exe"
if exist "%PCSH_JAVA%" goto javaFound
if not defined JAVA_HOME goto javaOnPath
set "PCSH_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%PCSH_JAVA%" goto javaFound
echo pcsh: JAVA_HOME is "%JAVA_HOME%", which has no bin\java.exe: set it to a JDK or JRE 17 or newer. 1>&2
exit /b 1
:javaOnPath
set "PCSH_JAVA="
for %%J in (java.exe) do set "PCSH_JAVA=%%~$PATH:J"
if defined PCSH_JAVA goto javaFound
echo pcsh: no Java runtime found: install a JDK or JRE 17 or newer and put its bin on the PATH, or set JAVA_HOME. 1>&2
exit /b 1
:javaFound

rem The JDK's feature release, from the release file of its home (a java.exe that is a link elsewhere has none,
rem and then pcsh runs without its own class archive, on the JDK's).
set "PCSH_FEATURE=0"
set "PCSH_JAVA_VERSION="
for %%J in ("%PCSH_JAVA%") do set "PCSH_RELEASE=%%~dpJ..\release"
if not exist "%PCSH_RELEASE%" goto noArchive
for /f "usebackq tokens=1,* delims==" %%A in ("%PCSH_RELEASE%") do if "%%A"=="JAVA_VERSION" set "PCSH_JAVA_VERSION=%%~B"
for /f "tokens=1 delims=." %%F in ("%PCSH_JAVA_VERSION%") do set "PCSH_FEATURE=%%F"

rem -XX:+AutoCreateSharedArchive (JDK 19+) makes the archive at the end of the first run and again when the JDK
rem changes; on JDK 17 and 18 the option does not exist, and a missing archive file would turn off the JDK's own.
:noArchive
rem (harmless properties stand in for the archive options where there is no archive)
set "PCSH_AUTO_ARCHIVE=-Dpcsh.class-archive=none"
set "PCSH_ARCHIVE=-Dpcsh.class-archive=none"
set "PCSH_ARCHIVE_LOG=-Dpcsh.class-archive=none"
if %PCSH_FEATURE% LSS 19 goto run
if not defined LOCALAPPDATA goto run
if not exist "%LOCALAPPDATA%\pcsh\" mkdir "%LOCALAPPDATA%\pcsh" 2>nul
if not exist "%LOCALAPPDATA%\pcsh\" goto run
set "PCSH_ARCHIVE=-XX:SharedArchiveFile=%LOCALAPPDATA%\pcsh\pcsh-@pcsh.version@-jdk%PCSH_FEATURE%.jsa"
set "PCSH_AUTO_ARCHIVE=-XX:+AutoCreateSharedArchive"
set "PCSH_ARCHIVE_LOG=-Xlog:cds=off,cds+dynamic=off"

:run
"%PCSH_JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:C1MaxInlineSize=15 -XX:+UseSerialGC -Xss1m -Xms12m -XX:-UsePerfData "%PCSH_AUTO_ARCHIVE%" "%PCSH_ARCHIVE%" "%PCSH_ARCHIVE_LOG%" -Dspring.aot.enabled=true "-Dpcsh.defaults=%PCSH_INSTALL%\shell.properties" "-Dpcsh.install=%PCSH_INSTALL%" -jar "%PCSH_INSTALL%\app\pcsh.jar" %*
exit /b %ERRORLEVEL%
