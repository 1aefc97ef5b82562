#!/usr/bin/env bash
# Checks the Debian package as a user meets it: lintian on the file, `apt-get install ./netlab_<version>_all.deb`,
# then from / netlab --version (also through sudo and as nobody), analyze on the package's own example captures, the
# class-data-sharing archive made by postinst, `man -w netlab-capture`, man netlab-arp-resolve naming the same
# options as --help, bash completion of `netlab ca<TAB>` in an interactive bash; finally `apt-get remove netlab`
# and nothing of netlab left under /usr, /etc or /var. Needs root, apt, lintian, man-db, bash-completion and sudo
# (.ci/run installs them). Then the tarball (netlab-<version>.tar.gz beside the .deb), unpacked into a ~/.local and
# used as nobody: --version, the archive it records, man and completion found from PATH. Any failure prints one
# "check-package: FAILED: ..." line and exits 1.
#
# Usage: scripts/check-package.sh [DEB]     (default: dist/target/netlab_*_all.deb, built by `mvn -B package`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

step() { echo "check-package: $*"; }
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

deb="${1:-}"
if [ -z "$deb" ]; then
  debs=("$root"/dist/target/netlab_*_all.deb)
  [ -f "${debs[0]}" ] || fail "no dist/target/netlab_*_all.deb (build it with 'mvn -B package')"
  deb="${debs[0]}"
fi
deb="$(readlink -f -- "$deb")"
[ "$(id -u)" = 0 ] || fail "needs root (it installs and removes the package)"
for tool in apt-get lintian man sudo runuser; do
  command -v "$tool" >/dev/null || fail "$tool not found (.ci/run installs lintian man-db bash-completion sudo)"
done
[ -f /usr/share/bash-completion/bash_completion ] || fail "bash-completion is not installed"
version="$(dpkg-deb -f "$deb" Version)"
work="$(mktemp -d /tmp/check-package.XXXXXX)"
installed=0
# A failed check must not leave the package installed: the next run (or a developer's machine) would start dirty.
trap 'rm -rf "$work"; [ "$installed" = 0 ] || apt-get purge -y -q netlab >/dev/null 2>&1 || true' EXIT
chmod 755 "$work"
# completes WORD: what an interactive bash with bash-completion offers for `netlab WORD<TAB>`: bash-completion loads
# netlab's completion file on first use (from /usr/share or from PATH/../share), whose function is then called as
# readline calls it. Run as root or, with RUNAS=nobody, as nobody with HOME and PATH of nobody's tarball install.
cat > "$work/complete.sh" <<'EOS'
source /usr/share/bash-completion/bash_completion
_completion_loader netlab
fn=$(complete -p netlab | sed -E 's/.* -F ([^ ]+) .*/\1/')
COMP_WORDS=(netlab "$1"); COMP_CWORD=1; COMP_LINE="netlab $1"; COMP_POINT=${#COMP_LINE}
"$fn" netlab "$1" netlab
echo "${COMPREPLY[*]}"
EOS
chmod 644 "$work/complete.sh"
completes() { ${RUNAS:+as_user} bash --norc --noprofile -i "$work/complete.sh" "$1" 2>/dev/null | tail -1; }
as_user() { runuser -u nobody -- env -i HOME="$work/home" PATH="$work/home/.local/bin:/usr/bin:/bin" "$@"; }

leftovers() { find /usr /etc /var/cache /var/lib/netlab -name '*netlab*' 2>/dev/null | grep -v '^/var/lib/dpkg/' || true; }
state="$(dpkg-query -W -f='${db:Status-Status}' netlab 2>/dev/null || true)"
[ -z "$state" ] || [ "$state" = not-installed ] || fail "netlab is already known to dpkg ($state); remove it first (apt-get purge netlab)"
before="$(leftovers)"
[ -z "$before" ] || fail "netlab files exist before the install, so removal could not be checked: $(echo "$before" | head -3 | tr '\n' ' ')"

step "lintian $(basename "$deb")"
set +e
report="$(lintian --fail-on error "$deb" 2>&1)"
rc=$?
set -e
echo "$report" | grep -v 'running with root privileges' || true
[ "$rc" = 0 ] || fail "lintian reports errors (exit $rc)"

step "apt-get install $deb"
apt-get install -y -q --no-install-recommends "$deb" >/tmp/check-package-apt.log 2>&1 \
  || { cat /tmp/check-package-apt.log >&2; fail "apt-get install"; }
installed=1
rm -f /tmp/check-package-apt.log

cd /
step "from /: $(command -v netlab)"
[ "$(command -v netlab)" = /usr/bin/netlab ] || fail "netlab is not /usr/bin/netlab on PATH"
out="$(netlab --version)" || fail "netlab --version exited $?"
[ "$(echo "$out" | head -1)" = "netlab $version" ] || fail "netlab --version printed '$out', not 'netlab $version'"
echo "$out"
out="$(sudo netlab --version)" || fail "sudo netlab --version exited $? (is /usr/bin in sudo's secure_path?)"
[ "$(echo "$out" | head -1)" = "netlab $version" ] || fail "sudo netlab --version printed '$out'"
sudo netlab --help >/dev/null || fail "sudo netlab --help"

examples=/usr/share/doc/netlab/examples
step "netlab analyze $examples/mixed-session.pcap"
out="$(netlab analyze "$examples/mixed-session.pcap")" || fail "analyze exited $?"
echo "$out" | grep -qE '^Frames: +25, ' || fail "analyze did not count the example's 25 frames: $(echo "$out" | head -3)"
step "netlab analyze --fail-on spoof $examples/arp-spoof.pcap (exit 1 expected), as nobody"
set +e
runuser -u nobody -- netlab analyze --fail-on spoof "$examples/arp-spoof.pcap" >/dev/null 2>&1
rc=$?
set -e
[ "$rc" = 1 ] || fail "analyze --fail-on spoof on arp-spoof.pcap exited $rc, not 1"

step "class-data-sharing archive from postinst"
[ -f /var/cache/netlab/netlab.jsa ] || fail "postinst made no /var/cache/netlab/netlab.jsa"
# -Xshare:on makes the JVM fail, instead of silently running without it, if the archive does not fit this Java.
java -Xshare:on -XX:SharedArchiveFile=/var/cache/netlab/netlab.jsa -Xlog:cds=off -jar /usr/share/netlab/netlab.jar \
  --version >/dev/null || fail "the JVM refuses /var/cache/netlab/netlab.jsa"

step "man -w netlab-capture"
man -w netlab-capture || fail "man -w netlab-capture"
man -w netlab >/dev/null || fail "man -w netlab"
step "man netlab-arp-resolve names the options of netlab arp-resolve --help"
help_opts="$(netlab arp-resolve --help | grep -oE -- '(^|[ ,\[])--?[A-Za-z#][A-Za-z-]*' | tr -d ' ,[' | sort -u)"
man_opts="$(MANWIDTH=200 man netlab-arp-resolve 2>/dev/null | grep -oE -- '(^|[ ,\[])--?[A-Za-z#][A-Za-z-]*' | tr -d ' ,[' | sort -u)"
{ [ -n "$help_opts" ] && [ "$help_opts" = "$man_opts" ]; } \
  || fail "options differ (< --help, > man): $(diff <(echo "$help_opts") <(echo "$man_opts") | grep '^[<>]' | tr '\n' ' ')"
echo "$help_opts" | tr '\n' ' '; echo

step "bash -i: completion of 'netlab ca<TAB>'"
offered="$(completes ca)"
[ "$offered" = capture ] || fail "completion of 'netlab ca' offered '$offered', not 'capture'"
echo "$offered"

step "apt-get remove netlab"
apt-get remove -y -q netlab >/dev/null 2>&1 || fail "apt-get remove netlab"
installed=0
state="$(dpkg-query -W -f='${db:Status-Status}' netlab 2>/dev/null || true)"
[ -z "$state" ] || [ "$state" = not-installed ] || fail "netlab is still known to dpkg as $state"
left="$(leftovers)"
[ -z "$left" ] || fail "left behind after removal: $(echo "$left" | tr '\n' ' ')"
{ [ ! -e /usr/bin/netlab ] && [ ! -e /usr/share/netlab ] && [ ! -e /var/cache/netlab ]; } || fail "files left after removal"
step "ok: installed, used and removed $(basename "$deb") cleanly"

# The tarball next to the .deb, unpacked as its docs say into a user's ~/.local, used by that user (nobody).
tarball="$(dirname "$deb")/netlab-$version.tar.gz"
if [ -f "$tarball" ]; then
  step "tarball: $(basename "$tarball") into a ~/.local of nobody's"
  mkdir -p "$work/home/.local"
  tar -xzf "$tarball" --strip-components=1 -C "$work/home/.local"
  chown -R nobody:nogroup "$work/home"
  out="$(cd / && as_user netlab --version)" || fail "tarball: netlab --version exited $?"
  [ "$(echo "$out" | head -1)" = "netlab $version" ] || fail "tarball: netlab --version printed '$out'"
  [ -f "$work/home/.local/share/netlab/netlab.jsa" ] || fail "tarball: no archive recorded next to the jar on first run"
  as_user man -w netlab-arp-scan || fail "tarball: man does not find ~/.local/share/man from PATH"
  offered="$(RUNAS=nobody completes wa)"
  [ "$offered" = watch ] || fail "tarball: completion of 'netlab wa' offered '$offered', not 'watch'"
  step "ok: the tarball works from ~/.local (version, archive, man, completion)"
fi
