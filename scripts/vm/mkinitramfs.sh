#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Builds the tiny initramfs that scripts/vm-run boots: busybox-static plus the
# guest kernel's own virtio/9p/overlay modules and scripts/vm/init.  The image
# is cached and only rebuilt when one of its inputs changes.
#
# Usage: scripts/vm/mkinitramfs.sh KVER OUTFILE
# Prints nothing when the cached image is up to date.

set -euo pipefail

KVER=${1:?usage: mkinitramfs.sh KVER OUTFILE}
OUT=${2:?usage: mkinitramfs.sh KVER OUTFILE}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# GUEST_MODROOT: another root for lib/modules/KVER (scripts/vm-run).  A kernel
# with all of MODULES built in (the debug kernel) gets an image without any.
MODDIR=${GUEST_MODROOT:-}/lib/modules/$KVER
BUSYBOX=${BUSYBOX:-/bin/busybox}

# Load order matters: each one needs the ones before it.
MODULES=(virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev
	 virtio_pci netfs fscache 9pnet 9pnet_virtio 9p overlay)

die() { echo "mkinitramfs: $*" >&2; exit 1; }

[ -d "$MODDIR" ] || die "no modules for $KVER in $MODDIR (install linux-image-$KVER)"
[ -x "$BUSYBOX" ] || die "no $BUSYBOX (install busybox-static)"
# A dynamically linked busybox would need its libraries in the image.
if file_out=$(LC_ALL=C readelf -l "$BUSYBOX" 2>/dev/null) &&
   grep -q 'Requesting program interpreter' <<<"$file_out"; then
	die "$BUSYBOX is dynamically linked; install busybox-static"
fi

# Resolve each module to a file; a module built into the kernel needs nothing.
# modules.dep lists paths relative to $MODDIR, possibly compressed (.ko.xz,
# .ko.zst, .ko.gz).
declare -a mod_files=()
declare -a mod_names=()
for m in "${MODULES[@]}"; do
	alt=${m//_/[-_]}
	path=$(grep -E "(^|/)${alt}\.ko(\.(xz|zst|gz))?:" "$MODDIR/modules.dep" | head -n1 | cut -d: -f1 || true)
	if [ -z "$path" ]; then
		if grep -qE "(^|/)${alt}\.ko$" "$MODDIR/modules.builtin" 2>/dev/null; then
			continue
		fi
		# A kernel of our own has what init needs built in, and may
		# lack the rest (fscache, legacy virtio-pci) altogether.
		[ -n "${GUEST_MODROOT:-}" ] && continue
		die "module $m not found for $KVER"
	fi
	mod_files+=("$MODDIR/$path")
	mod_names+=("$m")
done

# Cache key: this script, the init script, busybox and the module files.
stamp=$(
	{
		echo "$KVER"
		sha256sum "$HERE/mkinitramfs.sh" "$HERE/init"
		stat -L -c '%n %s %Y' "$BUSYBOX" "${mod_files[@]}"
	} | sha256sum | cut -d' ' -f1
)
if [ -f "$OUT" ] && [ -f "$OUT.stamp" ] && [ "$(cat "$OUT.stamp")" = "$stamp" ]; then
	exit 0
fi

echo "mkinitramfs: building $OUT for $KVER" >&2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xsw-initramfs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp"/{bin,sbin,dev,proc,sys,mnt/lower,mnt/rw,mnt/root,modules,etc}
cp "$BUSYBOX" "$tmp/bin/busybox"
ln -s busybox "$tmp/bin/sh"
install -m 0755 "$HERE/init" "$tmp/init"

: >"$tmp/modules/order"
for i in "${!mod_files[@]}"; do
	f=${mod_files[$i]}
	dst="$tmp/modules/${mod_names[$i]}.ko"
	case "$f" in
	*.ko.xz) xz -dc "$f" >"$dst" ;;
	*.ko.zst) zstd -qdc "$f" >"$dst" || die "need zstd to unpack $f" ;;
	*.ko.gz) gzip -dc "$f" >"$dst" ;;
	*.ko) cp "$f" "$dst" ;;
	*) die "unexpected module file $f" ;;
	esac
	echo "${mod_names[$i]}" >>"$tmp/modules/order"
done

# The console device must exist before devtmpfs is mounted, or the kernel
# starts init without stdio.
(cd "$tmp" && mknod -m 600 dev/console c 5 1 && mknod -m 666 dev/null c 1 3) ||
	die "mknod failed (need root)"

mkdir -p "$(dirname "$OUT")"
# Uncompressed: unpacking is faster than decompressing under TCG.
(cd "$tmp" && find . -print0 | LC_ALL=C sort -z |
	cpio --null --create --format=newc --quiet) >"$OUT.tmp"
mv -f "$OUT.tmp" "$OUT"
echo "$stamp" >"$OUT.stamp"
