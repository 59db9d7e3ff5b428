# Shared by the OCR benchmarks (sourced, not run): bench_vs_tesseract NAME FILE-LIST times
# `invcap recognize --json --jobs 2` over the images listed in FILE-LIST against plain
# `tesseract IMAGE - -l chi_sim+eng` run one file after another, in the same hyperfine run, and prints
# documents/minute and the ratio. Needs $bin (the invcap binary), $runs and $out set by the caller.
bench_vs_tesseract() {
  local name="$1" list="$2" n
  n="$(wc -l < "$list")"
  echo "== $name: $n images, $(nproc --all) cores, $runs run(s) each" >&2
  hyperfine --runs "$runs" --export-json "$out/$name.json" \
    -n "invcap recognize --jobs 2" \
    "xargs -d '\n' $bin recognize --json --jobs 2 < $list > /dev/null" \
    -n "tesseract, one file after another" \
    "while read -r f; do tesseract \"\$f\" - -l chi_sim+eng > /dev/null 2>&1; done < $list" >&2
  python3 - "$out/$name.json" "$n" "$name" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
n, name = int(sys.argv[2]), sys.argv[3]
rows = [(r["command"], r["mean"]) for r in data["results"]]
base = rows[1][1]
print(f"\n{name}: {n} images")
print(f"{'command':40} {'seconds':>9} {'docs/min':>9} {'vs tesseract':>13}")
for command, mean in rows:
    print(f"{command:40} {mean:9.1f} {n / mean * 60:9.1f} {base / mean:12.2f}x")
PY
}
