#!/usr/bin/env bash
# Builds lspminer in release mode and installs the binary, its man page and shell completions.
#
#   Scripts/install.sh [PREFIX]      (default /usr/local; run as root for a system folder)
#
# PREFIX/bin/lspminer; PREFIX/share/man/man1/lspminer.1 (made by swift-argument-parser's
# generate-manual plugin); completions for bash (PREFIX/share/bash-completion/completions),
# zsh (PREFIX/share/zsh/site-functions) and fish (PREFIX/share/fish/vendor_completions.d).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
swift build -c release --product lspminer
binary=$(swift build -c release --show-bin-path)/lspminer
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/lspminer"
manual=$(mktemp -d)
trap 'rm -rf "$manual"' EXIT
swift package plugin generate-manual --output-directory "$manual" >/dev/null
install -m 644 "$(find "$manual" -name 'lspminer.1' | head -1)" "$prefix/share/man/man1/lspminer.1"
"$binary" --generate-completion-script bash > "$prefix/share/bash-completion/completions/lspminer"
"$binary" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_lspminer"
"$binary" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/lspminer.fish"
echo "installed lspminer $("$binary" --version) under $prefix (binary, man page, bash/zsh/fish completions)"
