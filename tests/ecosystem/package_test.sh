#!/usr/bin/env bash
# `make package` makes a Debian package that works: CPack builds logogrid_<version>_amd64.deb
# from the build tree, its dependencies come from dpkg-shlibdeps, it holds the binary, the
# man page (made from docs/) and the layouts; unpacked into a temporary root with dpkg -x,
# its binary builds the shipped example, finding the example's layout among its own files.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
version=$("$build/logogrid" --version | awk '{print $2}')
deb="$tmp/pkg/logogrid_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb (made: $(ls "$tmp/pkg"))"

depends=$(dpkg-deb -f "$deb" Depends)
for library in libcairo2 librsvg2-2 libqpdf libyaml-cpp libicu libpango-1.0-0 libpng16-16; do
  [[ "$depends" == *"$library"* ]] || fail "Depends lacks $library: $depends"
done

dpkg -x "$deb" "$tmp/root"
for file in usr/bin/logogrid usr/share/man/man1/logogrid.1.gz \
  usr/share/logogrid/layouts/rahmenstrategie-a4.yaml \
  usr/share/logogrid/docs/schema/layout.schema.json; do
  [ -f "$tmp/root/$file" ] || fail "the package lacks /$file"
done
zcat "$tmp/root/usr/share/man/man1/logogrid.1.gz" >"$tmp/logogrid.1"
grep -q 'schema-unknown-key' "$tmp/logogrid.1" || fail "the man page lacks the diagnostic codes"

# The example without its layouts/ folder: campaign.layout is found in the package.
mkdir "$tmp/job"
cp -r "$source/participants.yaml" "$source/logos" "$tmp/job/"
(cd "$tmp/job" && XDG_CACHE_HOME="$tmp/cache" "$tmp/root/usr/bin/logogrid" build -o out/example.pdf) ||
  fail "the packaged logogrid did not build the example"
[ -s "$tmp/job/out/example.pdf" ] || fail "no PDF"
echo "package_test: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, Depends: $depends"
