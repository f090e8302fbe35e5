#!/usr/bin/env python3
"""An independent implementation of docs/verification-code.md (telraam-code-2),
written from the spec alone, in Python (standard library only, 3.11+).

It produced the expected files of the test vectors in this directory:
    python3 reference.py ELECTION.toml RESULT.toml NAME
writes NAME.canonical.txt (the exact record text), NAME.quick.txt (the exact
quick-report text) and NAME.codes.txt.
The Rust test tests/verification_vectors.rs checks telraam against those files,
so two implementations agree byte for byte.
"""
import hashlib
import sys
import tomllib

DAMM = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
]


def damm(digits):
    interim = 0
    for d in digits:
        interim = DAMM[interim][int(d)]
    return str(interim)


def groups(data, count):
    value = int.from_bytes(hashlib.sha256(data).digest()[:16], "big")
    digits = str(value % 10 ** (4 * count)).zfill(4 * count)
    return [digits[i : i + 4] + "-" + damm(digits[i : i + 4]) for i in range(0, len(digits), 4)]


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def line(key, value):
    return f"{key}={'' if value is None else value}"


def box(key, ticked):
    return f"{key}={1 if ticked else 0}"


def generation(election):
    if "form" in election:
        return election["form"]
    year = election.get("date", "")[:4]
    return "before-2026" if year.isdigit() and int(year) < 2026 else "from-2026"


def header(result, code, form=None):
    text = (
        "telraam-code-2\n"
        f"code={code}\n"
        f"election={escape(result['election'])}\n"
        f"station={result['station']}\n"
        f"model={result['model']}\n"
    )
    if form is not None:
        text += f"form={form}\n"
    return text


def quick_text(election, result):
    votes = result.get("votes", {})
    lists_heard = votes.get("lists", {})
    lists = sorted(l["number"] for l in election["lists"])
    lines = [line(f"E.{n}", lists_heard.get(str(n))) for n in lists]
    lines += [line("F", votes.get("F")), line("G", votes.get("G"))]
    lines.append(line("D", result.get("voters", {}).get("D")))
    return header(result, "quick") + "[quick]\n" + "".join(l + "\n" for l in lines)


def serialise(election, result):
    form = generation(election)
    new = form == "from-2026"
    head = header(result, "record", form)
    voters = result.get("voters", {})
    votes = result.get("votes", {})
    lists_heard = votes.get("lists", {})
    diff = result.get("differences", {})
    stock = result.get("stock", {})
    lists = sorted(election["lists"], key=lambda l: l["number"])
    differences = []
    if new:
        differences += [
            box("box.equal", diff.get("d_equals_h", False)),
            box("box.more", diff.get("h_more_than_d", False)),
            box("box.fewer", diff.get("h_less_than_d", False)),
        ]
    differences += [line("I", diff.get("I")), line("J", diff.get("J"))]
    if new:
        differences += [
            box("explained.yes", diff.get("explained_yes", False)),
            box("explained.no", diff.get("explained_no", False)),
        ]
    else:
        differences += [line(k, diff.get(k)) for k in "KLMNO"]
    differences += [line(f"stock.{k}", stock.get(k)) for k in ("received", "unused", "spoiled")]
    sections = [
        ("voters", [line(k, voters.get(k)) for k in "ABCD"]),
        (
            "votes",
            [line(f"E.{l['number']}", lists_heard.get(str(l["number"]))) for l in lists]
            + [line(k, votes.get(k)) for k in "EFGH"],
        ),
        ("differences", differences),
    ]
    if result["model"] == "N 10-1":
        heard = result.get("candidates", {})
        for l in lists:
            n = l["number"]
            numbers = sorted(c["number"] for c in l.get("candidates", []))
            votes_of = heard.get(str(n), {})
            sections.append(
                (
                    f"candidates.{n}",
                    [line(f"cand.{n}.{c}", votes_of.get(str(c))) for c in numbers]
                    + [line(f"cand.{n}.total", votes_of.get("total"))],
                )
            )
    blocks = [(key, f"[{key}]\n" + "".join(l + "\n" for l in lines)) for key, lines in sections]
    return head, blocks


def main():
    election_path, result_path, name = sys.argv[1:4]
    election = tomllib.load(open(election_path, "rb"))
    result = tomllib.load(open(result_path, "rb"))
    header, blocks = serialise(election, result)
    text = header + "".join(b for _, b in blocks)
    with open(f"{name}.canonical.txt", "w", encoding="utf-8", newline="") as f:
        f.write(text)
    quick = quick_text(election, result)
    with open(f"{name}.quick.txt", "w", encoding="utf-8", newline="") as f:
        f.write(quick)
    out = [f"sha256 {hashlib.sha256(text.encode()).hexdigest()}"]
    out.append("quick " + " ".join(groups(quick.encode(), 3)))
    out.append("record " + " ".join(groups(text.encode(), 4)))
    for key, block in blocks:
        out.append(f"section {key} {groups((header + block).encode(), 1)[0]}")
    raw = open(result_path, "rb").read()
    hexdigest = hashlib.sha256(raw).hexdigest()
    out.append("fingerprint " + " ".join(hexdigest[i : i + 4] for i in range(0, 64, 4)))
    with open(f"{name}.codes.txt", "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
