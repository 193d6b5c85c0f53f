"""Generate a seeded synthetic news corpus: outlets as folders, headlines, datelines, quotes, figures.

    python bench/make_corpus.py OUT_DIR --articles 100000 [--seed 1] [--big 1]

``--big N`` also writes N articles of about 1 MB (``big/*.txt``) for the article-view benchmark.
The same seed always gives the same files.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

OUTLETS = ["reuters", "ap", "afp", "bbc", "guardian", "nyt", "tass", "sputnik", "aljazeera", "moscowtimes",
           "dw", "france24", "cnn", "bloomberg", "ft", "haaretz"]
PEOPLE = [("Maria", "Lindqvist", "foreign minister"), ("Omar", "Haddad", "prime minister"),
          ("Elena", "Voronova", "spokeswoman"), ("James", "Okafor", "president"), ("Sofia", "Marchetti", "mayor"),
          ("Tomás", "Reyes", "defence minister"), ("Aiko", "Tanaka", "envoy"), ("Pieter", "de Vries", "chancellor")]
PLACES = ["Geneva", "Cairo", "Kyiv", "Gaza", "Moscow", "Brussels", "Ankara", "Doha", "Warsaw", "Nairobi"]
TOPICS = ["ceasefire talks", "grain exports", "energy prices", "the aid convoy", "the border crossing",
          "the peace plan", "sanctions", "the election", "the budget", "refugee returns"]
VERBS = ["said", "told reporters", "added", "stressed", "warned", "said on Tuesday", "told the council"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLER = ("Officials from several countries met behind closed doors as negotiations continued into the night. "
          "Diplomats described the atmosphere as tense but constructive, and analysts cautioned against "
          "expecting a quick breakthrough. Local residents said daily life remained difficult. ")


def figure(r: random.Random) -> str:
    k = r.randrange(9)
    if k == 0:
        return f"${r.randrange(1, 900)} million"
    if k == 1:
        return f"{r.randrange(1, 99)}.{r.randrange(10)}%"
    if k == 2:
        return f"{r.choice(['almost', 'more than', 'at least', 'some', 'about'])} {r.randrange(1000, 99999):,}"
    if k == 3:
        return f"{r.choice(MONTHS)} {r.randrange(1, 29)}, {r.randrange(2015, 2026)}"
    if k == 4:
        return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d} GMT"
    if k == 5:
        return f"{r.choice(['two', 'five', 'ten', 'twelve'])} years"
    if k == 6:
        return f"€{r.randrange(1, 90)}.{r.randrange(10, 99)}"
    if k == 7:
        return f"{r.randrange(2, 400):,} people"
    return f"{r.choice(['Eighty-five', 'Forty', 'Twenty-two'])} percent"


def paragraph(r: random.Random) -> str:
    first, last, role = r.choice(PEOPLE)
    place, topic = r.choice(PLACES), r.choice(TOPICS)
    quote = (f"We will not accept {topic} without guarantees, and {figure(r)} of our people are waiting for an answer. "
             f"The world is watching {place}")
    parts = [
        f"{role.capitalize()} {first} {last} met counterparts in {place} on {r.choice(MONTHS)} {r.randrange(1, 29)} "
        f"to discuss {topic}, with {figure(r)} at stake according to officials.",
        f"“{quote},” {last} {r.choice(VERBS)}.",
        f"The {role} added that {figure(r)} had already been pledged, while critics put the figure closer to {figure(r)}.",
        FILLER * r.randrange(1, 3),
    ]
    r.shuffle(parts)
    return " ".join(parts)


def article(r: random.Random, index: int, outlet: str, paragraphs: int) -> str:
    first, last, _role = r.choice(PEOPLE)
    topic = r.choice(TOPICS)
    headline = f"{last} Says {topic.title()} Must Go Ahead as {r.choice(PLACES)} Talks Resume ({index})"
    dateline = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d} GMT {r.randrange(1, 29):02d}.{r.randrange(1, 13):02d}.{r.randrange(2019, 2027)}"
    body = "\n\n".join(paragraph(r) for _ in range(paragraphs))
    return f"{headline}\n{dateline}\n\n{body}\n"


def generate(out: Path, articles: int, seed: int = 1, big: int = 0, progress: bool = True) -> int:
    r = random.Random(seed)
    total = 0
    t0 = time.perf_counter()
    for outlet in OUTLETS:
        (out / outlet).mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        outlet = OUTLETS[i % len(OUTLETS)]
        text = article(r, i, outlet, r.randrange(3, 9))
        data = text.encode("utf-8")
        (out / outlet / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
        if progress and i and i % 10000 == 0:
            print(f"  {i:,} articles, {total / 1e6:.0f} MB, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if big:
        (out / "big").mkdir(exist_ok=True)
        for j in range(big):
            text = article(r, articles + j, "big", 1500)  # about 1 MB
            (out / "big" / f"big{j}.txt").write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
    return total


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path)
    p.add_argument("--articles", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--big", type=int, default=0)
    a = p.parse_args()
    t0 = time.perf_counter()
    total = generate(a.out, a.articles, a.seed, a.big)
    print(f"{a.articles:,} articles (+{a.big} big), {total / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s -> {a.out}")


if __name__ == "__main__":
    main()
