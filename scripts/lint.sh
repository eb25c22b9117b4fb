#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What `make lint` runs: checkpatch and sparse over the kernel code.  Exit
# status 0 only when both are clean.
#
# checkpatch: scripts/checkpatch.pl from the unpacked linux-source-6.1 tree
#   (scripts/lib-ksrc.sh), --strict, over every kmod/**/*.[ch] and
#   uapi/linux/xswitch.h.  Any ERROR, WARNING or CHECK fails.
# sparse: the modules built out of tree against $KDIR with C=2, in a scratch
#   copy of kmod/ and uapi/ under build/lint (so this never races a `make
#   kmod` writing objects into kmod/).  Any sparse or compiler warning or
#   error about our files fails; diagnostics located only in the kernel's own
#   headers are shown but ignored.
#
# Environment: KDIR/KVER as in the top-level Makefile; KMOD_CONFIG (default:
# the top-level Makefile's, e.g. CONFIG_XSWITCH=m); CHECKPATCH_ARGS (extra
# checkpatch.pl arguments, e.g. --max-line-length=80).

set -u -o pipefail

# shellcheck source=scripts/lib-ksrc.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-ksrc.sh"

cd "$XSW_REPO" || exit 1

# Message types that do not apply to a module kept out of tree:
#   LINUX_VERSION_CODE - the module builds against more than one kernel (the
#     distribution's headers and the UML KUnit tree), so version checks are
#     legitimate here.
CHECKPATCH_IGNORE=LINUX_VERSION_CODE

checkpatch_rc=0
sparse_rc=0

# ---------------------------------------------------------------- checkpatch
run_checkpatch() {
	local files out rc

	ksrc_unpack || return 1
	mapfile -t files < <(find kmod -type f \( -name '*.c' -o -name '*.h' \) \
		! -name '*.mod.c' | sort; ls uapi/linux/xswitch.h 2>/dev/null)
	if [ "${#files[@]}" -eq 0 ]; then
		echo "checkpatch: no files to check"
		return 0
	fi
	echo "== checkpatch --strict (${#files[@]} files)"
	# shellcheck disable=SC2086 # CHECKPATCH_ARGS is split on purpose
	out=$(perl "$KSRC/scripts/checkpatch.pl" --no-tree --strict --file \
		--quiet --show-types --color=never \
		--ignore "$CHECKPATCH_IGNORE" ${CHECKPATCH_ARGS:-} "${files[@]}")
	rc=$?
	[ -n "$out" ] && printf '%s\n' "$out"
	# --quiet prints a "total: ..." line only for files with problems.
	printf '%s\n' "$out" | awk -v rc="$rc" '
		/^total: [0-9]+ errors, [0-9]+ warnings, [0-9]+ checks/ {
			e += $2; w += $4; c += $6; f++ }
		END {
			if (rc == 0 && f == 0) { print "checkpatch: clean"; exit 0 }
			printf "checkpatch: %d errors, %d warnings, %d checks in %d file(s)\n", e, w, c, f
			exit 1 }'
}

# -------------------------------------------------------------------- sparse
default_kver() {
	if [ -d "/lib/modules/$(uname -r)/build" ]; then
		uname -r
	else
		# shellcheck disable=SC2012
		ls -1d /lib/modules/*/build 2>/dev/null | sort -V | tail -n1 |
			sed 's|/lib/modules/||; s|/build||'
	fi
}

# The top-level Makefile's KMOD_CONFIG, so that lint sees the same modules
# (kmod/ext/ tristates included) as `make kmod`.
default_kmod_config() {
	make -s --no-print-directory -C "$XSW_REPO" -f Makefile -f - \
		xsw-print-kmod-config 2>/dev/null <<'EOF'
xsw-print-kmod-config:
	@echo $(KMOD_CONFIG)
EOF
}

run_sparse() {
	local kver=${KVER:-$(default_kver)}
	local kdir=${KDIR:-/lib/modules/$kver/build}
	local config=${KMOD_CONFIG:-$(default_kmod_config)}
	local work=$XSW_REPO/build/lint out ours rc

	config=${config:-CONFIG_XSWITCH=m}
	echo "== sparse (KDIR=$kdir $config)"
	if ! command -v sparse >/dev/null; then
		echo "sparse: not installed (apt-get install sparse)"
		return 1
	fi
	if [ ! -d "$kdir" ]; then
		echo "sparse: no kernel build tree at '$kdir'; set KDIR"
		return 1
	fi
	if ! ls kmod/*.c >/dev/null 2>&1; then
		echo "sparse: no kmod/*.c yet"
		return 0
	fi

	# A fresh copy each time: C=2 then checks every file, and objects
	# never land in kmod/.
	rm -rf "$work" && mkdir -p "$work" || return 1
	tar -c --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' --exclude='.*.d' \
		--exclude='*.mod' --exclude='*.mod.c' --exclude='modules.order' \
		--exclude='Module.symvers' --exclude='.tmp_versions' \
		kmod uapi | tar -x -C "$work" || return 1

	# shellcheck disable=SC2086 # $config is a list of assignments
	out=$(make -C "$kdir" M="$work/kmod" $config C=2 CHECK=sparse \
		-j"$(nproc)" modules 2>&1)
	rc=$?
	# Show our paths relative to the repository.
	out=$(printf '%s\n' "$out" | sed "s|$work/||g")
	printf '%s\n' "$out"

	if [ "$rc" -ne 0 ]; then
		echo "sparse: the module build failed (make exit $rc)"
		return 1
	fi
	# Diagnostics whose location is one of our files (relative, after the
	# sed above).  Kernel-header-only noise does not match.
	ours=$(printf '%s\n' "$out" |
		grep -E '^(kmod|uapi)/[^:]+:[0-9]+(:[0-9]+)?: (warning|error)' |
		sort -u)
	if [ -n "$ours" ]; then
		echo
		echo "sparse: $(printf '%s\n' "$ours" | wc -l) diagnostic(s) in our files:"
		printf '%s\n' "$ours"
		return 1
	fi
	echo "sparse: clean"
}

run_checkpatch || checkpatch_rc=1
echo
run_sparse || sparse_rc=1

echo
echo "lint: checkpatch $([ $checkpatch_rc -eq 0 ] && echo clean || echo FAILED)," \
	"sparse $([ $sparse_rc -eq 0 ] && echo clean || echo FAILED)"
[ $checkpatch_rc -eq 0 ] && [ $sparse_rc -eq 0 ]
