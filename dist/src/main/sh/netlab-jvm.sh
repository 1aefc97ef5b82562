# shellcheck shell=bash
# netlab's JVM flags and class-data-sharing archive, in one place. Sourced (bash) by ./netlab in a clone, by the
# installed launcher (/usr/bin/netlab, bin/netlab of the tarball), by the package's postinst and by
# scripts/bench/run.sh; installed as /usr/share/netlab/netlab-jvm.sh. Defines functions only.

# Launcher errors (no Java, no Maven, a failed build, nowhere writable to build in) exit with this code:
# ExitCode.LAUNCH in cli/src/main/java/netlab/cli/ExitCode.java. 70 is kept for bugs in netlab itself.
NETLAB_EXIT_LAUNCH=11

# netlab_fail WHAT WHY HINT: the one `netlab: <what>: <why> (<hint>)` line on stderr, then exit 11.
netlab_fail() {
  echo "netlab: $1: $2 ($3)" >&2
  exit "$NETLAB_EXIT_LAUNCH"
}

# netlab_jvm_opts COMMAND: sets the array netlab_opts to the JVM flags for that netlab command (its first
# argument). Serial GC and class-data sharing for start-up; -Xlog:cds=off keeps an unusable archive silent
# (the JVM then simply runs without it).
netlab_jvm_opts() {
  netlab_opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  netlab_utf8_names
  case "${1:-}" in
    # Long-running work gets the optimising compiler; short commands start faster with C1 only.
    # A 16 MiB young generation keeps RSS low with no measured cost to throughput (scripts/bench/run.sh).
    read|analyze|capture|watch)
      netlab_opts=(-XX:+UseSerialGC -Xmn16m -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
      # C2 (tier 4) only for code run ~10x more often than by default: on a 1M-frame file the early C2
      # compiles cost more than they gain (0.60 -> 0.54 s), while longer runs still reach C2 (4M: 1.33 -> 1.25 s).
      netlab_opts+=(-XX:Tier4InvocationThreshold=100000 -XX:Tier4CompileThreshold=120000 -XX:Tier4BackEdgeThreshold=1000000)
      # Huge pages for the heap cut TLB misses in the large per-address tables of a flood (~7% on a 1M
      # ARP flood); asked for only where the kernel offers them, as the JVM warns otherwise.
      if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
        netlab_opts+=(-XX:+UseTransparentHugePages)
      fi ;;
  esac
  # The JVM's own output (a SIGQUIT thread dump) goes to stderr: stdout may be a JSON or pcap stream.
  netlab_opts+=(-XX:+DisplayVMOutputToStderr)
}

# netlab_utf8_names: Java decodes and encodes file names with the locale's charset, fixed at start-up
# (sun.jnu.encoding, which -D cannot change on JDK 17). Under LANG=C (cron, systemd, containers) that is ASCII,
# and a name such as café.pcap cannot even be given. Linux file names are UTF-8 in practice, so when the locale's
# charset is not UTF-8 the JVM runs in C.UTF-8 (built into glibc 2.35+), if the system has it.
netlab_utf8_names() {
  if [ "$(locale charmap 2>/dev/null)" != UTF-8 ] && locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
    export LC_ALL=C.UTF-8
  fi
}

# netlab_make_archive JAR JSA [CAPTURE]: records a class-data-sharing archive of the classes a run loads (JDK 13+
# dynamic AppCDS; it cuts start-up time) into JSA, unless JSA exists and is not older than JAR. The JVM ignores an
# archive made for another jar or another JVM, so it is remade whenever the jar is newer. It is recorded from an
# analyze run on CAPTURE when that file exists, so the report code is in it too (-20 ms there), else from
# --version. It is written to a temporary name and renamed, so concurrent runs never see half of one; any
# failure (read-only directory, no space) leaves no archive and no error: netlab just starts slower.
netlab_make_archive() {
  local jar="$1" jsa="$2" capture="${3:-}" tmp train=(--version)
  if { [ -f "$jsa" ] && [ ! "$jsa" -ot "$jar" ]; } || [ ! -w "$(dirname -- "$jsa")" ]; then
    return 0
  fi
  tmp="$jsa.$$.tmp"
  if [ -n "$capture" ] && [ -f "$capture" ]; then
    train=(analyze "$capture")
  fi
  if java -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "${train[@]}" \
      >/dev/null 2>&1 && [ -f "$tmp" ]; then
    mv -f "$tmp" "$jsa" 2>/dev/null || rm -f "$tmp"
  else
    rm -f "$tmp" 2>/dev/null
  fi
  return 0
}
