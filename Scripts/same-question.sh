#!/usr/bin/env bash
# The README's analyst question answered three ways, which must agree: sqlite3 on the database
# `lspminer export --sqlite` wrote, DuckDB reading that SQLite file, and DuckDB reading the
# output's JSON Lines directly. Prints the answer once, or the three answers and exit 1.
#
# Usage: Scripts/same-question.sh OUTPUT DATABASE
#        (DuckDB 1.5.5 and its SQLite extension come from a venv under Benchmarks/work, made here)
set -euo pipefail
cd "$(dirname "$0")/.."
output=$1
database=$2
venv=Benchmarks/work/venv
if ! "$venv/bin/python" -c "import duckdb, duckdb_extensions; assert duckdb.__version__ == '1.5.5'" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet duckdb==1.5.5 duckdb-extensions duckdb-extension-sqlite-scanner
fi

# Which partnerships have the most unhedged negative governance findings?
question="
  SELECT partnership, count(*) AS negative
  FROM evidence
  WHERE category = 'governance' AND polarity = 'negative' AND NOT hedged
    AND partnership IS NOT NULL
  GROUP BY partnership ORDER BY negative DESC, partnership LIMIT 5"

sqlite_answer=$(sqlite3 -readonly -separator ',' "$database" "$question")
duckdb_answers=$("$venv/bin/python" - "$output" "$database" "$question" <<'PY'
import sys
import duckdb
from duckdb_extensions import import_extension

output, database, question = sys.argv[1:]
import_extension("sqlite_scanner")
con = duckdb.connect()
con.execute("LOAD sqlite_scanner")
con.execute(f"ATTACH '{database}' AS lsp (TYPE sqlite, READ_ONLY)")
on_sqlite = con.execute(question.replace("FROM evidence", "FROM lsp.evidence")).fetchall()
on_jsonl = con.execute(question.replace(
    "FROM evidence", f"FROM read_json('{output}/evidence/*.jsonl', format = 'newline_delimited')"
)).fetchall()
for rows in (on_sqlite, on_jsonl):
    print("|".join(f"{name},{count}" for name, count in rows))
PY
)
sqlite_line=$(echo "$sqlite_answer" | paste -sd '|')
if [ "$(echo "$duckdb_answers" | sed -n 1p)" != "$sqlite_line" ] ||
  [ "$(echo "$duckdb_answers" | sed -n 2p)" != "$sqlite_line" ]; then
  echo "same-question: the answers differ" >&2
  echo "sqlite3:        $sqlite_line" >&2
  echo "DuckDB, SQLite: $(echo "$duckdb_answers" | sed -n 1p)" >&2
  echo "DuckDB, JSONL:  $(echo "$duckdb_answers" | sed -n 2p)" >&2
  exit 1
fi
echo "$sqlite_answer"
