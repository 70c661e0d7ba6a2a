#!/usr/bin/env bash
# Builds broken copies of the embedded dataset for tests/c/broken_data.c.
# Usage: make-broken-datasets.sh DATA_DIR OUT_DIR
# Each OUT_DIR/<case>/ is a full copy of DATA_DIR (*.toml and seeds/) with one thing broken. The
# tampering only adds a file or edits the manifest, and only cites ids that the curated data keeps
# (source src-2016-02-disarray, actor staffan-de-mistura), so it holds while the data grows.
set -euo pipefail

data=${1:?usage: make-broken-datasets.sh DATA_DIR OUT_DIR}
out=${2:?usage: make-broken-datasets.sh DATA_DIR OUT_DIR}
src=src-2016-02-disarray
# Words that occur once in that source.
quote="Syria Talks Plunge Into Disarray on 2nd Day"

copy() {
    local dir="$out/$1"
    rm -rf "$dir"
    mkdir -p "$dir/seeds"
    cp "$data"/*.toml "$dir/"
    cp "$data"/seeds/* "$dir/seeds/"
    echo "$dir"
}

# An untouched copy: must load.
copy ok >/dev/null

# 1. An evidence quote that is not in its source.
d=$(copy misquote)
cat > "$d/zz-c-api-tamper.toml" <<TOML
[[event]]
id = "c-api-tamper-misquote"
kind = "statement"
date = { value = "2016-02-02", basis = "stated", quote = "February 02, 2016" }
summary = "A statement whose evidence is misquoted"
evidence = [{ source = "$src", quote = "Syria Talks Plunge Into Harmony on 2nd Day" }]
TOML

# 2. A reference to an actor id that does not exist.
d=$(copy unknown-reference)
cat > "$d/zz-c-api-tamper.toml" <<TOML
[[event]]
id = "c-api-tamper-unknown-reference"
kind = "statement"
date = { value = "2016-02-02", basis = "stated", quote = "February 02, 2016" }
summary = "A statement by nobody the dataset knows"
actors = [{ actor = "no-such-actor-c-api", role = "agent" }]
evidence = [{ source = "$src", quote = "$quote" }]
TOML

# 3. A second record with an existing id.
d=$(copy duplicate-id)
cat > "$d/zz-c-api-tamper.toml" <<TOML
[[event]]
id = "staffan-de-mistura"
kind = "statement"
date = { value = "2016-02-02", basis = "stated", quote = "February 02, 2016" }
summary = "An event that takes an actor's id"
evidence = [{ source = "$src", quote = "$quote" }]
TOML

# 4. A date that is not a calendar day.
d=$(copy bad-date)
cat > "$d/zz-c-api-tamper.toml" <<TOML
[[event]]
id = "c-api-tamper-bad-date"
kind = "statement"
date = { value = "2016-02-30", basis = "stated", quote = "February 02, 2016" }
summary = "A statement on 30 February"
evidence = [{ source = "$src", quote = "$quote" }]
TOML

# 5. A wrong sha256 in the seed manifest (the first entry's).
d=$(copy wrong-sha)
sed -i '0,/^sha256 = "[0-9a-f]*"/s//sha256 = "0000000000000000000000000000000000000000000000000000000000000000"/' "$d/seeds/manifest.toml"
grep -q '^sha256 = "0\{64\}"' "$d/seeds/manifest.toml"

# 6. A data file that is not valid TOML.
d=$(copy invalid-toml)
printf '[[event]\nid = "c-api-tamper-invalid-toml"\nkind = \n' > "$d/zz-c-api-tamper.toml"

# 7. A data file that is not valid UTF-8.
d=$(copy invalid-utf8)
printf '# \xff\xfe not UTF-8\n' > "$d/zz-c-api-tamper.toml"

# 8. A seed that the manifest does not list.
d=$(copy unlisted-seed)
printf 'An article nobody listed.\n' > "$d/seeds/zz-c-api-unlisted.txt"

# Rewrites a copy's manifest from its seeds (as `syriatalks manifest` would).
remanifest() {
    local d=$1 f
    {
        for f in "$d"/seeds/*.txt; do
            printf '[[seed]]\nfile = "%s"\nsha256 = "%s"\nbytes = %s\n\n' \
                "$(basename "$f")" "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")"
        done
    } > "$d/seeds/manifest.toml"
}

# 9. A seed that is not valid UTF-8, listed with its true checksum: the one problem reported
#    (no follow-on misquote for each quote citing it).
d=$(copy invalid-utf8-seed)
seed=$(grep -l 'Syria Talks Plunge Into Disarray' "$d"/seeds/*.txt)
printf '\xff' >> "$seed"
remanifest "$d"

# 10. A listed seed that is a symbolic link out of the folder: refused, never read.
d=$(copy symlinked-seed)
seed=$(grep -l 'Syria Talks Plunge Into Disarray' "$d"/seeds/*.txt)
outside="$out/outside-secret.txt"
printf 'SECRET-CONTENT outside the dataset\n' > "$outside"
rm "$seed"
ln -s "$outside" "$seed"
remanifest "$d"
