#!/bin/sh
# Self-test of the harness: plant a known mistake in a copy of the reference and check
# that compare.py notices it. Every line should end in "N failed" with N > 0.
# Usage: Tests/Differential/mutants.sh [SEEDS]   (default 300)
set -u
here=$(cd "$(dirname "$0")" && pwd)
hwbsh=${HWBSH:-$here/../../.build/debug/hwbsh}
seeds=${1:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while IFS= read -r m; do
  [ -z "$m" ] && continue
  rm -rf "$tmp"/*; cp "$here"/*.py "$tmp"/
  sed -i "$m" "$tmp/reference.py"
  if cmp -s "$here/reference.py" "$tmp/reference.py"; then
    echo "MUTANT DID NOT APPLY: $m"; status=1; continue
  fi
  r=$(cd "$tmp" && python3 compare.py --seeds "$seeds" --hwbsh "$hwbsh" --quiet 2>/dev/null | tail -1)
  echo "$r   <= $m"
  case $r in *" 0 failed") status=1 ;; esac
done <<'MUTANTS'
s/days=90)$/days=91)/
s/if a\["expires"\] < T:/if a["expires"] <= T:/
s/cands.append((add_days(a\["expires"\], 1), 0, "expired"))/cands.append((add_days(a["expires"], 1), 2, "expired"))/
s/a\["pendingSchool"\] or a\["school"\]/a["school"]/
s/lastActivity=self.today, expires=exp)/expires=exp)/
s/new = min(new, cap)/pass/
s/        a\["pendingSchool"\] = s$/        pass/
s/a\["closeAtExpiry"\] = False$/pass/
s/base = max(a\["expires"\], self.today)/base = a["expires"]/
s/if d < self.today and not self.empty():/if d < self.today:/
s/elif a\["expires"\] >= self.today:/elif a["expires"] > self.today:/
s/return school == a\[1\]/return school.startswith(a[1][:3])/
s/lim = apply_period(self.today, n, u)/lim = add_days(apply_period(self.today, n, u), 1)/
MUTANTS
exit $status
