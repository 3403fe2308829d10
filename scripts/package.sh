#!/usr/bin/env bash
# Builds Byline's Debian package: scripts/package.sh [release|debug] (default release).
#
# The app and the CLI are built with cargo (the same command `make build`, or for debug
# scripts/e2e.sh, runs, so a tree they already built is not rebuilt), the CLI writes its manual
# pages and shell completions under target/package/PROFILE/, and the Tauri bundler (the
# @tauri-apps/cli npm package, a devDependency of ui/; its deb bundler works offline) packs
# them with the desktop entry and the icons that src-tauri/tauri.conf.json names. The package
# lands in target/PROFILE/bundle/deb/byline_VERSION_ARCH.deb, and its path is the last line
# printed. `make package` builds the release one; `make test-package` the debug one.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO="${CARGO:-cargo}"

profile="${1:-release}"
case "$profile" in
  release) cargo_flags=(--release); bundle_flags=() ;;
  debug) cargo_flags=(); bundle_flags=(--debug) ;;
  *) echo "usage: scripts/package.sh [release|debug]" >&2; exit 2 ;;
esac

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
out="$target_dir/$profile"
staging="$target_dir/package/$profile"

scripts/setup-app.sh
tauri=ui/node_modules/.bin/tauri
[ -x "$tauri" ] || { echo "package: $tauri is missing; run scripts/setup-app.sh (npm ci in ui/)" >&2; exit 1; }

# The app embeds ui/dist at compile time. A release is built from a fresh bundle; the debug
# package reuses the one the E2E suite just built (rebuilding it would rebuild the app too).
if [ "$profile" = release ] || [ ! -f ui/dist/index.html ]; then
  echo "package: building the UI"
  (cd ui && npm run build --silent)
fi

echo "package: building the app and the CLI ($profile)"
"$CARGO" build "${cargo_flags[@]}" -p byline-app -p byline-cli
cli="$out/byline"

echo "package: writing the manual pages and shell completions to $staging"
rm -rf "$staging"
mkdir -p "$staging/man1" "$staging/completions"
"$cli" generate man "$staging/man1"
# -n: no name or timestamp in the gzip header, so the same pages give the same bytes.
gzip -9nf "$staging"/man1/*.1
"$cli" generate completions bash >"$staging/completions/byline.bash"
"$cli" generate completions zsh >"$staging/completions/_byline"
"$cli" generate completions fish >"$staging/completions/byline.fish"

# What tauri.conf.json cannot name, since it depends on the profile: the CLI and the generated
# files, merged into the configuration for this run only.
cat >"$staging/tauri.package.json" <<EOF
{
  "bundle": {
    "linux": {
      "deb": {
        "files": {
          "/usr/bin/byline": "$cli",
          "/usr/share/man/man1": "$staging/man1",
          "/usr/share/bash-completion/completions/byline": "$staging/completions/byline.bash",
          "/usr/share/zsh/vendor-completions/_byline": "$staging/completions/_byline",
          "/usr/share/fish/vendor_completions.d/byline.fish": "$staging/completions/byline.fish"
        }
      }
    }
  }
}
EOF

echo "package: bundling the .deb"
rm -rf "$out/bundle/deb"
CARGO_TARGET_DIR="$target_dir" "$tauri" bundle "${bundle_flags[@]}" --bundles deb --ci \
  --config "$staging/tauri.package.json"

# The bundler names the file after the product ("Byline_…"); Debian's convention is the
# package name, which is what `apt install ./byline_*.deb` expects.
built=("$out"/bundle/deb/*.deb)
[ -f "${built[0]}" ] || { echo "package: the bundler left no .deb in $out/bundle/deb" >&2; exit 1; }
name="$(dpkg-deb -f "${built[0]}" Package)_$(dpkg-deb -f "${built[0]}" Version)_$(dpkg-deb -f "${built[0]}" Architecture).deb"
deb="$out/bundle/deb/$name"
[ "${built[0]}" = "$deb" ] || mv "${built[0]}" "$deb"
echo "package: $(du -h "$deb" | cut -f1) $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
echo "$deb"
