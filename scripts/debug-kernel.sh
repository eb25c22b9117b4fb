#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Builds the debug kernel that "scripts/vm-run" boots with VM_KERNEL=debug
# (KASAN, lockdep, kmemleak, fault injection, ...; see docs/debug-kernel.md),
# and xswitch's modules against it:
#
#   build/debug-kernel/obj/         the kernel's object tree (make O=), from
#                                   Debian's linux-source-6.1, unpacked by
#                                   scripts/lib-ksrc.sh into build/kunit/src
#                                   (shared with KUnit; never configured in
#                                   place)
#   build/debug-kernel/bzImage      the kernel vm-run boots: through the
#                                   bzImage's own entry, not PVH (KASAN
#                                   instruments 6.1's PVH entry code, which
#                                   runs before the shadow memory exists:
#                                   a triple fault in xen_prepare_pvh())
#   build/debug-kernel/vmlinux      its ELF, with symbols, for addr2line
#   build/debug-kernel/root/        modules_install: lib/modules/KVER with
#                                   modules.builtin (everything is built in)
#   build/debug-kernel/xsw/         a copy of kmod/, uapi/ and selftests/ext,
#                                   where the out-of-tree builds write their
#                                   .ko files, so that the stock kernel's
#                                   ones in kmod/ stay as they are
#   build/debug-kernel/modules/     xswitch.ko, xsw_*.ko and xsw_selftest.ko
#                                   for the guest
#   build/debug-kernel/kernelrelease
#
# The configuration is "make allnoconfig" plus scripts/vm/debug.config.
# Idempotent: the kernel is rebuilt only when the source tarball, the
# fragment or this script change, and the modules by kbuild's own rules, so
# a run with nothing changed takes seconds.  Needs bc, flex, bison and
# libelf-dev (objtool); scripts/deps.sh installs them.

set -euo pipefail

# shellcheck source=scripts/lib-ksrc.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-ksrc.sh"
ROOT=$XSW_REPO
OUT=${XSW_DEBUG_KERNEL_DIR:-$ROOT/build/debug-kernel}
OBJ=$OUT/obj
FRAGMENT=$ROOT/scripts/vm/debug.config
JOBS=${JOBS:-$(nproc)}

log() { echo "debug-kernel: $*" >&2; }
die() { log "$*"; exit 1; }

mkdir -p "$OUT"
exec 8>"$OUT/.lock"
flock 8

ksrc_unpack || die "cannot unpack the kernel source"

kmake() { make -C "$KSRC" O="$OBJ" -j"$JOBS" "$@" </dev/null; }

# ---- the kernel ------------------------------------------------------------
stamp=$(
	{
		cat "$KSRC/.xswitch-unpacked"
		sha256sum "$FRAGMENT" "${BASH_SOURCE[0]}"
	} | sha256sum | cut -d' ' -f1
)
if [ -s "$OUT/bzImage" ] && [ "$(cat "$OUT/kernel.stamp" 2>/dev/null)" = "$stamp" ]; then
	log "kernel $(cat "$OUT/kernelrelease") is up to date"
else
	rm -f "$OUT/kernel.stamp"
	start=$SECONDS
	mkdir -p "$OBJ"
	log "configuring $OBJ (allnoconfig + ${FRAGMENT#"$ROOT"/})"
	kmake -s allnoconfig
	"$KSRC/scripts/kconfig/merge_config.sh" -m -O "$OBJ" "$OBJ/.config" "$FRAGMENT" \
		>"$OUT/merge_config.log" 2>&1 || { cat "$OUT/merge_config.log" >&2; die "merge_config failed"; }
	kmake -s olddefconfig
	# Every option the fragment sets must be in the result: a "=y" that
	# olddefconfig dropped lacks a dependency, and a test would silently
	# lose what it checks.
	missing=0
	while IFS= read -r line; do
		case "$line" in
		CONFIG_*=*)
			grep -qxF "$line" "$OBJ/.config" ||
				{ log "not in the .config: $line ($(grep -E "^(# )?${line%%=*}[= ]" "$OBJ/.config" || echo unset))"; missing=1; } ;;
		"# CONFIG_"*" is not set")
			c=${line#\# }; c=${c%% *}
			! grep -q "^$c=" "$OBJ/.config" ||
				{ log "set although the fragment says not: $c"; missing=1; } ;;
		esac
	done <"$FRAGMENT"
	[ "$missing" = 0 ] || die "the fragment does not survive olddefconfig (see above)"

	log "building the kernel with $JOBS jobs (log: $OUT/build.log)"
	# "modules" writes Module.symvers (vmlinux's CRCs) for the
	# out-of-tree builds.
	if ! kmake bzImage modules >"$OUT/build.log" 2>&1; then
		grep -E 'error|Error' "$OUT/build.log" | head -n 30 >&2
		die "kernel build failed (see $OUT/build.log)"
	fi
	rm -rf "$OUT/root"
	kmake -s INSTALL_MOD_PATH="$OUT/root" modules_install >>"$OUT/build.log" 2>&1 ||
		die "modules_install failed (see $OUT/build.log)"
	kmake -s kernelrelease >"$OUT/kernelrelease"
	cp -f "$OBJ/vmlinux" "$OUT/vmlinux.tmp" && mv -f "$OUT/vmlinux.tmp" "$OUT/vmlinux"
	cp -f "$OBJ/arch/x86/boot/bzImage" "$OUT/bzImage.tmp" &&
		mv -f "$OUT/bzImage.tmp" "$OUT/bzImage"
	echo "$stamp" >"$OUT/kernel.stamp"
	log "kernel $(cat "$OUT/kernelrelease") built in $((SECONDS - start)) s"
fi
KVER=$(cat "$OUT/kernelrelease")

# ---- xswitch's modules, from a copy of the sources --------------------------
# sources DIR: the source files under DIR, not the build outputs (a .mod.c
# is modpost's, and names the kernel it was built for).
sources() {
	find "$1" -type f \( -name '*.[ch]' -o -name Kbuild -o -name Kconfig -o -name Makefile \) \
		! -name '*.mod.c' -print0
}
# sync_sources SRC DST: make DST's sources those of SRC, touching only what differs
# so that kbuild rebuilds only that.
sync_sources() {
	local src=$1 dst=$2 f
	mkdir -p "$dst"
	while IFS= read -r -d '' f; do
		f=${f#"$src"/}
		mkdir -p "$dst/$(dirname "$f")"
		cmp -s "$src/$f" "$dst/$f" || cp -p "$src/$f" "$dst/$f"
	done < <(sources "$src")
	while IFS= read -r -d '' f; do
		[ -e "$src/${f#"$dst"/}" ] || rm -f "$f"
	done < <(sources "$dst")
}
XSW=$OUT/xsw
sync_sources "$ROOT/kmod" "$XSW/kmod"
sync_sources "$ROOT/uapi" "$XSW/uapi"
sync_sources "$ROOT/selftests/ext" "$XSW/selftests/ext"

# As the top-level Makefile builds them, with its CONFIG_...=m words.
# shellcheck disable=SC2016  # a make variable, expanded by make
kmod_config=$(make -s -C "$ROOT" --no-print-directory \
	--eval='xsw-kmod-config: ; @echo $(KMOD_CONFIG)' xsw-kmod-config </dev/null)
# shellcheck disable=SC2086  # a list of words
make -s -C "$OBJ" M="$XSW/kmod" -j"$JOBS" $kmod_config modules </dev/null >&2 ||
	die "xswitch modules do not build against $KVER"
make -s -C "$XSW/selftests/ext" KDIR="$OBJ" </dev/null >&2 ||
	die "selftests/ext does not build against $KVER"

mkdir -p "$OUT/modules"
kos=("$XSW"/kmod/*.ko "$XSW"/kmod/ext/*.ko "$XSW"/selftests/ext/*.ko)
for ko in "${kos[@]}"; do
	cmp -s "$ko" "$OUT/modules/${ko##*/}" || cp -p "$ko" "$OUT/modules/"
done
for ko in "$OUT"/modules/*.ko; do
	case " ${kos[*]##*/} " in *" ${ko##*/} "*) ;; *) rm -f "$ko" ;; esac
done
log "$KVER: $OUT/bzImage and ${#kos[@]} modules in $OUT/modules"
