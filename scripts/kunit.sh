#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Runs the xswitch KUnit suites in a UML kernel (what `make kunit` runs).
#
#   - unpacks /usr/src/linux-source-6.1.tar.xz once into build/kunit/src
#     (scripts/lib-ksrc.sh),
#   - links kmod/ into that tree as drivers/net/xswitch and hooks it into
#     drivers/net/{Kconfig,Makefile},
#   - runs tools/testing/kunit/kunit.py with kmod/.kunitconfig and the build
#     directory build/kunit/uml (kept, so reruns are incremental),
#   - writes build/kunit/result: "passed=N failed=N skipped=N" (test cases;
#     crashed cases count as failed; a config/build failure, a run that
#     reports nothing or any other kunit.py failure gives at least failed=1;
#     a kernel BUG/WARNING/lockdep/KASAN report in the UML kernel's log -
#     which KUnit itself does not count - adds one failure).
#
# Exit status 0 when nothing failed, 1 otherwise.  kunit.py's own output goes
# to stdout and to build/kunit/kunit.log.
#
# Test options: every "config XSWITCH_*KUNIT_TEST" in the repo's Kconfig files
# is enabled even if kmod/.kunitconfig does not name it (see below).
#
# Environment: KUNITCONFIG (default kmod/.kunitconfig), JOBS (default nproc),
# KUNIT_BUILD_DIR (default build/kunit/uml; another one for another config,
# such as "make check-debug"'s KASAN build, keeps both incremental),
# KUNIT_ARGS (extra kunit.py arguments, e.g. a suite glob "xswitch*" or
# "--kconfig_add=CONFIG_KASAN=y"), KSRC_TARBALL (see lib-ksrc.sh).

set -u -o pipefail

# shellcheck source=scripts/lib-ksrc.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-ksrc.sh"

KUNITCONFIG=${KUNITCONFIG:-$XSW_REPO/kmod/.kunitconfig}
JOBS=${JOBS:-$(nproc)}
UML_BUILD=${KUNIT_BUILD_DIR:-$XSW_KUNIT_DIR/uml}
RESULT=$XSW_KUNIT_DIR/result
LOG=$XSW_KUNIT_DIR/kunit.log

result() {
	echo "passed=$1 failed=$2 skipped=$3" >"$RESULT"
}

die() {
	echo "kunit.sh: $*"
	result 0 1 0
	exit 1
}

# Appends LINE to FILE unless FILE already has it.
add_line() {
	grep -qxF "$2" "$1" || printf '\n%s\n' "$2" >>"$1"
}

# Links kmod/ into the tree as drivers/net/xswitch.  drivers/Makefile always
# descends into drivers/net/, and the source line goes after the "if
# NETDEVICES" block, so only CONFIG_XSWITCH gates the build.
hook_xswitch() {
	local link=$KSRC/drivers/net/xswitch

	if [ "$(readlink "$link" 2>/dev/null)" != "$XSW_REPO/kmod" ]; then
		rm -rf "$link"
		ln -s "$XSW_REPO/kmod" "$link"
	fi
	add_line "$KSRC/drivers/net/Kconfig" 'source "drivers/net/xswitch/Kconfig"'
	# shellcheck disable=SC2016 # a literal make variable
	add_line "$KSRC/drivers/net/Makefile" 'obj-$(CONFIG_XSWITCH) += xswitch/'
}

mkdir -p "$XSW_KUNIT_DIR" || die "cannot create $XSW_KUNIT_DIR"
[ -r "$KUNITCONFIG" ] || die "no kunitconfig at $KUNITCONFIG"

# One run at a time per build directory.
exec 8>"$XSW_KUNIT_DIR/.kunit.lock"
flock 8
rm -f "$RESULT"

ksrc_unpack || die "cannot unpack the kernel source"
hook_xswitch || die "cannot link kmod/ into $KSRC"

# kunit.py builds with O=; the kernel refuses that when the source tree
# itself was configured.
if [ -e "$KSRC/.config" ] || [ -d "$KSRC/include/config" ]; then
	echo "kunit.sh: $KSRC was configured in place; running make mrproper" >&2
	make -s -C "$KSRC" ARCH=um mrproper || die "make mrproper failed"
fi

# A fresh unpack restores old source timestamps, which make would take as
# "older than the objects": start the build directory again.
if ! cmp -s "$KSRC/.xswitch-unpacked" "$UML_BUILD/.xswitch-unpacked"; then
	rm -rf "$UML_BUILD"
	mkdir -p "$UML_BUILD" || die "cannot create $UML_BUILD"
	cp "$KSRC/.xswitch-unpacked" "$UML_BUILD/.xswitch-unpacked"
fi

# The UML kernel keeps its memory in a file under $TMPDIR: prefer tmpfs.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	export TMPDIR=/dev/shm
fi

# Every XSWITCH_*KUNIT_TEST option in our Kconfig files is switched on even
# if kmod/.kunitconfig does not list it yet; to leave one out, write
# "# CONFIG_XSWITCH_..._KUNIT_TEST is not set" there.  kunit.py then fails
# the configuration loudly if a test option's dependencies are not enabled.
extra=()
for sym in $(find "$XSW_REPO/Kconfig" "$XSW_REPO/kmod" -type f -name 'Kconfig*' \
		-exec grep -hoE '^[[:space:]]*config[[:space:]]+XSWITCH_[A-Z0-9_]*KUNIT_TEST\b' {} + 2>/dev/null |
		awk '{print $2}' | sort -u); do
	grep -qE "(^|[^A-Z0-9_])CONFIG_$sym([^A-Z0-9_]|$)" "$KUNITCONFIG" ||
		extra+=("--kconfig_add=CONFIG_$sym=y")
done

# make -k: a compile error in xswitch still lets the rest of the kernel
# build (so the next run is incremental) and shows every broken file at once.
# shellcheck disable=SC2086 # KUNIT_ARGS is split on purpose
(cd "$KSRC" && exec python3 tools/testing/kunit/kunit.py run \
	--kunitconfig="$KUNITCONFIG" \
	--build_dir="$UML_BUILD" \
	--jobs="$JOBS" \
	--make_options=-k \
	"${extra[@]}" ${KUNIT_ARGS:-}) </dev/null 2>&1 |
	grep --line-buffered -v "^stty: 'standard input': Inappropriate ioctl" |
	tee "$LOG"
rc=${PIPESTATUS[0]}

# "[hh:mm:ss] Testing complete. Ran 12 tests: passed: 11, skipped: 1" -
# kunit.py leaves out the counts that are zero.
summary=$(sed 's/\x1b\[[0-9;]*m//g' "$LOG" | grep 'Testing complete\. Ran ' | tail -n1)
count() {
	local n

	n=$(printf '%s\n' "$summary" | grep -o "$1: [0-9]*" | grep -o '[0-9]*$')
	echo "${n:-0}"
}
passed=$(count passed)
failed=$(( $(count failed) + $(count crashed) ))
skipped=$(count skipped)

ksrc_path() {
	sed "s|^ERROR:root:||; s|$KSRC/drivers/net/xswitch/|kmod/|g" | awk '!seen[$0]++'
}

if [ -z "$summary" ]; then
	echo
	if ! grep -q 'Starting KUnit Kernel' "$LOG"; then
		echo "kunit.sh: the UML kernel did not configure or build; errors:"
		grep -E ': (fatal )?error: |undefined reference|^ERROR: |Missing: ' "$LOG" |
			ksrc_path | head -n 60
		if grep -q 'linux/xswitch.h: No such file' "$LOG"; then
			echo "kunit.sh: hint: in-tree (O=) builds before Linux 6.10 have a" \
				"relative \$(src); kmod/Kbuild's -I paths need \$(srctree)/\$(src) there"
		fi
	else
		echo "kunit.sh: no test results from kunit.py (exit $rc)"
	fi
fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	# kunit.py failed without counting a failed case: a config or build
	# failure, no tests run at all, or a crash before the first result.
	failed=1
	[ -z "$summary" ] && passed=0 && skipped=0
fi

# Compiler warnings in our code do not fail the run (lint.sh does that for
# the out-of-tree build) but should not scroll away unseen.
warnings=$(grep -E "$KSRC/drivers/net/xswitch/[^:]+:[0-9]+:[0-9]+: warning: " "$LOG" | ksrc_path)
if [ -n "$warnings" ]; then
	echo
	echo "kunit.sh: compiler warnings in kmod/:"
	printf '%s\n' "$warnings"
fi

# Kernel reports that do not fail a test case by themselves.
if grep -q 'Starting KUnit Kernel' "$LOG" && [ -f "$UML_BUILD/test.log" ]; then
	oops=$(grep -nE 'BUG: |WARNING: |Kernel panic|UBSAN: |list_(add|del) corruption|INFO: trying to register non-static key' \
		"$UML_BUILD/test.log")
	if [ -n "$oops" ]; then
		echo
		echo "kunit.sh: the kernel reported problems (see $UML_BUILD/test.log):"
		printf '%s\n' "$oops" | head -n 20
		failed=$((failed + 1))
	fi
fi

result "$passed" "$failed" "$skipped"
echo "kunit.sh: $(cat "$RESULT") (kunit.py exit $rc; log $LOG)"
[ "$failed" -eq 0 ]
