# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Sourced by scripts/kunit.sh and scripts/lint.sh: a cached, unpacked copy of
# the Debian kernel source (linux-source-6.1) under build/kunit/src, used for
# the UML KUnit build and for scripts/checkpatch.pl.
#
# Sets XSW_REPO, XSW_KUNIT_DIR, KSRC_TARBALL, KSRC and defines ksrc_unpack.

XSW_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
XSW_KUNIT_DIR=${XSW_KUNIT_DIR:-$XSW_REPO/build/kunit}
KSRC_TARBALL=${KSRC_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
KSRC=$XSW_KUNIT_DIR/src

# Unpacks $KSRC_TARBALL into $KSRC unless the stamp left by a previous
# unpack records the tarball's current mtime and size (so a newer - or any
# other - tarball triggers a fresh unpack).  Serialised with flock so that
# kunit.sh and lint.sh can run at the same time.
ksrc_unpack() {
	local stamp=$KSRC/.xswitch-unpacked id

	if [ ! -r "$KSRC_TARBALL" ]; then
		echo "missing $KSRC_TARBALL (apt-get install linux-source-6.1)" >&2
		return 1
	fi
	id="$(stat -L -c '%Y %s' "$KSRC_TARBALL") $KSRC_TARBALL"
	mkdir -p "$XSW_KUNIT_DIR"
	(
		flock 9
		if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$id" ]; then
			exit 0
		fi
		echo "unpacking $KSRC_TARBALL into $KSRC ..." >&2
		rm -rf "$KSRC" "$KSRC.tmp" || exit 1
		mkdir -p "$KSRC.tmp" || exit 1
		# The tarball has many xz blocks, so -T0 decompresses in parallel.
		xz -T0 -dc "$KSRC_TARBALL" |
			tar -x -C "$KSRC.tmp" --strip-components=1 || exit 1
		mv "$KSRC.tmp" "$KSRC" || exit 1
		echo "$id" >"$stamp" || exit 1
	) 9>"$XSW_KUNIT_DIR/.ksrc.lock"
}
