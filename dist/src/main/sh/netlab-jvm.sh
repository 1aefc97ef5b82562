# shellcheck shell=bash
# netlab's JVM flags and class-data-sharing archive, in one place. Sourced (bash) by ./netlab in a clone, by the
# installed launcher (/usr/bin/netlab, bin/netlab of the tarball), by the package's postinst and by
# scripts/bench/run.sh; installed as /usr/share/netlab/netlab-jvm.sh. Defines functions only.

# Launcher errors (no Java, no Maven, a failed build, nowhere writable to build in) exit with this code:
# ExitCode.LAUNCH in cli/src/main/java/netlab/cli/support/ExitCode.java. 70 is kept for bugs in netlab itself.
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
  # -XX:-UsePerfData: no hsperfdata file to create and map for a run this short (jps/jstat do not list it).
  netlab_opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:-UsePerfData)
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
# (sun.jnu.encoding, which -D cannot change on JDK 17). Under LANG=C (cron, systemd, containers) that is ASCII.
# netlab recovers such names' bytes itself (netlab.cli.support.FileNames, docs/robustness.md), but Linux file
# names are UTF-8 in practice and are best decoded as text, so when the locale's charset is not UTF-8 the JVM
# runs in C.UTF-8 (built into glibc 2.35+), if the system has it.
netlab_utf8_names() {
  if [ "$(locale charmap 2>/dev/null)" != UTF-8 ] && locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
    export LC_ALL=C.UTF-8
  fi
}

# netlab_make_archive JAR JSA [CAPTURE]: makes the class-data-sharing archive JSA for JAR (static AppCDS, JDK
# 10+), and a copy of JNA's native library in JSA's name with .jni for .jsa (JNA otherwise unpacks it to a
# temporary file on every run), unless JSA exists and is not older than JAR. The
# archive holds the classes that a list of training command lines loads, all run in one JVM by
# netlab.cli.Training: subnet, arp-scan --help, --version, analyze CAPTURE when that file exists and, when a
# throw-away network namespace can be made (netlab_train_live), interfaces, arp-resolve and arp-scan between
# the two ends of a veth pair inside it, so the live commands start from the archive too (issue 16). One
# archive for every command: a run maps only the pages it touches. The JVM ignores an archive made for another
# jar or another JVM, so it is remade whenever the jar is newer. It is written to a temporary name and
# renamed, so concurrent runs never see half of one; any failure (read-only directory, no space) leaves no
# archive and no error: netlab just starts slower.
netlab_make_archive() {
  local jar="$1" jsa="$2" capture="${3:-}" tmp list train
  if { [ -f "$jsa" ] && [ ! "$jsa" -ot "$jar" ]; } || [ ! -w "$(dirname -- "$jsa")" ]; then
    return 0
  fi
  tmp="$jsa.$$.tmp"
  list="$jsa.$$.classes"
  train=(--jni "${jsa%.jsa}.jni" subnet 10.0.0.1/8 -- arp-scan --help -- --version)
  if [ -n "$capture" ] && [ -f "$capture" ]; then
    train+=(-- analyze "$capture")
  fi
  rm -f "$list"
  netlab_train_live "$jar" "$list" "${train[@]}" \
    || java -XX:DumpLoadedClassList="$list" -cp "$jar" netlab.cli.Training "${train[@]}" >/dev/null 2>&1 || true
  if [ -s "$list" ] && java -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
      -cp "$jar" >/dev/null 2>&1 && [ -f "$tmp" ]; then
    mv -f "$tmp" "$jsa" 2>/dev/null || rm -f "$tmp"
  else
    rm -f "$tmp" 2>/dev/null
  fi
  rm -f "$list" 2>/dev/null
  return 0
}

# netlab_train_live JAR LIST COMMAND...: runs the training JVM (class list to LIST) in a new network namespace
# (unshare -n as root, unshare -rn, a user namespace, otherwise) holding only lo and a veth pair made there
# (10.200.0.1 and .2), adding interfaces, arp-resolve and arp-scan to the training. Nothing leaves the
# namespace, which goes away with the process. False when no namespace can be made (no unshare or ip, user
# namespaces disabled): the caller then trains without the live commands.
netlab_train_live() {
  local jar="$1" list="$2" ipcmd flag=-rn
  shift 2
  command -v unshare >/dev/null || return 1
  ipcmd="$(command -v ip || { [ -x /usr/sbin/ip ] && echo /usr/sbin/ip; } || { [ -x /sbin/ip ] && echo /sbin/ip; })" || return 1
  [ -n "$ipcmd" ] || return 1
  [ "$(id -u)" = 0 ] && flag=-n
  # accept_local: the request's sender (.1) is an address of this namespace too; without it the kernel
  # drops the request as a martian instead of answering for .2.
  timeout 120 unshare "$flag" sh -c '
    ip="$1" jar="$2" list="$3"; shift 3
    "$ip" link add nltrain0 type veth peer name nltrain1 && "$ip" addr add 10.200.0.1/24 dev nltrain0 &&
      "$ip" addr add 10.200.0.2/24 dev nltrain1 && "$ip" link set nltrain0 up && "$ip" link set nltrain1 up ||
      exit 1
    echo 1 >/proc/sys/net/ipv4/conf/all/accept_local || true
    exec java -XX:DumpLoadedClassList="$list" -cp "$jar" netlab.cli.Training "$@" -- interfaces \
      -- arp-resolve -i nltrain0 -w 2 10.200.0.2 -- arp-scan -i nltrain0 10.200.0.2/32' \
    sh "$ipcmd" "$jar" "$list" "$@" >/dev/null 2>&1 && [ -s "$list" ]
}

# netlab_archive_opts JSA: appends to netlab_opts the archive JSA and JNA's extracted native library beside it,
# each only when it exists (JNA falls back to unpacking its own copy if that one cannot be loaded).
netlab_archive_opts() {
  local jni="${1%.jsa}.jni"
  if [ -f "$1" ]; then
    netlab_opts+=(-XX:SharedArchiveFile="$1")
  fi
  if [ -f "$jni/libjnidispatch.so" ]; then
    netlab_opts+=(-Djna.boot.library.path="$jni")
  fi
}
