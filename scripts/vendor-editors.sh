#!/usr/bin/env bash
# Copies the rich-text editors the demos in www/demo/ use into www/vendor/ (gitignored), so they are served by
# the same static server as the page: nothing is fetched from a CDN. Only what is missing or out of date is done;
# a second run does nothing.
#
#   www/vendor/tinymce/    from node_modules/tinymce   (npm devDependency, installed by scripts/setup.sh)
#   www/vendor/ckeditor5/  from node_modules/ckeditor5 (npm devDependency): the browser ESM build, CSS, zh-cn
#   www/vendor/ueditor/    from the npm package `ueditor` 1.2.3 (a Node upload backend): only its browser build,
#                          example/public/ueditor/, taken with `npm pack` into a temporary folder (the package's
#                          old server-side dependencies are never installed)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
vendor=www/vendor
say() { printf 'vendor-editors: %s\n' "$*"; }
die() { printf 'vendor-editors: error: %s\n' "$*" >&2; exit 1; }
version_of() { node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || true; }
mkdir -p "$vendor"

# TinyMCE: the minified core, theme, model, icons, skins and the plugins the demo loads.
tiny=$(version_of tinymce)
[ -n "$tiny" ] || die "node_modules/tinymce missing: run scripts/setup.sh (npm ci) first"
if [ "$(cat "$vendor/tinymce/VERSION" 2>/dev/null)" = "$tiny" ]; then
  say "tinymce $tiny: present"
else
  say "tinymce $tiny: copying into $vendor/tinymce/"
  rm -rf "$vendor/tinymce.tmp" && mkdir -p "$vendor/tinymce.tmp/plugins"
  src=node_modules/tinymce
  cp -R "$src/tinymce.min.js" "$src/icons" "$src/models" "$src/skins" "$src/themes" "$src/license.md" "$vendor/tinymce.tmp/"
  for p in table lists code; do cp -R "$src/plugins/$p" "$vendor/tinymce.tmp/plugins/"; done
  echo "$tiny" > "$vendor/tinymce.tmp/VERSION"
  rm -rf "$vendor/tinymce" && mv "$vendor/tinymce.tmp" "$vendor/tinymce"
fi

# CKEditor 5: the self-contained browser ESM build, its CSS and the Chinese (Simplified) translation.
ck=$(version_of ckeditor5)
[ -n "$ck" ] || die "node_modules/ckeditor5 missing: run scripts/setup.sh (npm ci) first"
if [ "$(cat "$vendor/ckeditor5/VERSION" 2>/dev/null)" = "$ck" ]; then
  say "ckeditor5 $ck: present"
else
  say "ckeditor5 $ck: copying into $vendor/ckeditor5/"
  rm -rf "$vendor/ckeditor5.tmp" && mkdir -p "$vendor/ckeditor5.tmp/translations"
  src=node_modules/ckeditor5
  cp "$src/dist/browser/ckeditor5.js" "$src/dist/browser/ckeditor5.css" "$src/LICENSE.md" "$vendor/ckeditor5.tmp/"
  cp "$src/dist/translations/zh-cn.js" "$vendor/ckeditor5.tmp/translations/"
  echo "$ck" > "$vendor/ckeditor5.tmp/VERSION"
  rm -rf "$vendor/ckeditor5" && mv "$vendor/ckeditor5.tmp" "$vendor/ckeditor5"
fi

# UEditor: only example/public/ueditor/ of the npm package `ueditor`.
ue=1.2.3
if [ "$(cat "$vendor/ueditor/VERSION" 2>/dev/null)" = "$ue" ] && [ -f "$vendor/ueditor/ueditor.all.js" ]; then
  say "ueditor $ue: present"
else
  say "ueditor $ue: npm pack ueditor@$ue, taking example/public/ueditor/ into $vendor/ueditor/"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "ueditor@$ue" --silent >/dev/null) || die "npm pack ueditor@$ue failed"
  tar -xzf "$tmp/ueditor-$ue.tgz" -C "$tmp" package/example/public/ueditor
  [ -f "$tmp/package/example/public/ueditor/ueditor.all.js" ] || die "ueditor-$ue.tgz has no example/public/ueditor/ueditor.all.js"
  rm -rf "$vendor/ueditor"
  mv "$tmp/package/example/public/ueditor" "$vendor/ueditor"
  echo "$ue" > "$vendor/ueditor/VERSION"
fi
