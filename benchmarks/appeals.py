"""Generated fictional appeals with realistic repeats: the same defenders come back across
appeals (a few often, most rarely), sometimes under another spelling, as in a decade of work.

Used by ``benchmarks/identity.py``; every name is assembled from the lists below, so no
real person's case is described.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

COUNTRIES = {
    "Kazakhstan": (
        "Almaty",
        [
            "Aigerim",
            "Zhanar",
            "Dana",
            "Yerlan",
            "Nurlan",
            "Saule",
            "Asel",
            "Timur",
            "Gulnara",
            "Daniyar",
            "Madina",
            "Bakhyt",
        ],
        [
            "Tulegenova",
            "Sekerova",
            "Abenova",
            "Kassymov",
            "Nurpeisov",
            "Omarova",
            "Zhaksybekov",
            "Ibraimova",
            "Seitkali",
            "Dzhumabaev",
            "Akhmetova",
            "Baimukhan",
        ],
    ),
    "Kenya": (
        "Nairobi",
        [
            "Amina",
            "Wanjiru",
            "Otieno",
            "Njeri",
            "Kamau",
            "Achieng",
            "Mwangi",
            "Wafula",
            "Atieno",
            "Kipchoge",
            "Nyokabi",
            "Barasa",
        ],
        [
            "Odhiambo",
            "Mutua",
            "Kariuki",
            "Chebet",
            "Wekesa",
            "Nyambura",
            "Kiplagat",
            "Ochieng",
            "Wambui",
            "Onyango",
            "Kimani",
            "Mutiso",
        ],
    ),
    "Honduras": (
        "Tegucigalpa",
        [
            "María",
            "José",
            "Berta",
            "Carlos",
            "Lucía",
            "Miguel",
            "Rosa",
            "Andrés",
            "Gladys",
            "Félix",
            "Xiomara",
            "Óscar",
        ],
        [
            "Cáceres",
            "Morales",
            "Hernández",
            "Castillo",
            "Zelaya",
            "Mejía",
            "Paz",
            "Reyes",
            "Flores",
            "Aguilar",
            "Ramírez",
            "Suazo",
        ],
    ),
    "Bahrain": (
        "Manama",
        [
            "Nabeel",
            "Maryam",
            "Abdulhadi",
            "Zainab",
            "Hussain",
            "Fatima",
            "Ali",
            "Sayed",
            "Ebtisam",
            "Naji",
            "Husain",
            "Zahra",
        ],
        [
            "Rajab",
            "Alkhawaja",
            "Mushaima",
            "Salman",
            "Jawad",
            "Habib",
            "Marhoon",
            "Qassim",
            "Mahdi",
            "Fateel",
            "Alsingace",
            "Yousif",
        ],
    ),
    "Philippines": (
        "Manila",
        [
            "Maria",
            "Jose",
            "Rowena",
            "Carlito",
            "Teresita",
            "Ramon",
            "Luzviminda",
            "Cristina",
            "Renato",
            "Editha",
            "Benjamin",
            "Zara",
        ],
        [
            "Santos",
            "Dela Cruz",
            "Bautista",
            "Villanueva",
            "Ocampo",
            "Aquino",
            "Mendoza",
            "Reyes",
            "Tolentino",
            "Macapagal",
            "Salazar",
            "Guevarra",
        ],
    ),
}
EVENTS = [
    ("police in {city} detained human rights defender {name}", "detained"),
    ("unknown assailants attacked human rights defender {name} in {city}", "attacked"),
    (
        "a court in {city} sentenced human rights defender {name} to 10 days of administrative arrest",
        "sentenced",
    ),
    (
        "prosecutors in {city} charged human rights defender {name} with spreading false information",
        "charged",
    ),
    ("human rights defender {name} received death threats by telephone in {city}", "threatened"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
VARIANTS = [("ee", "i"), ("ou", "u"), ("ya", "ia"), ("kh", "h"), ("é", "e"), ("á", "a"), ("ov", "off")]


@dataclass(frozen=True)
class Defender:
    """A generated defender: name, gender word, country."""

    name: str
    pronoun: str
    country: str


def population(size: int, rng: random.Random) -> list[Defender]:
    """``size`` distinct defenders (given name and two surnames of one country)."""
    possible = sum(len(set(given)) * len(set(s)) * (len(set(s)) - 1) for _, given, s in COUNTRIES.values())
    if size > possible:
        raise ValueError(f"only {possible} distinct names can be made, {size} were asked for")
    people: dict[str, Defender] = {}
    while len(people) < size:
        country = rng.choice(list(COUNTRIES))
        _, given, surnames = COUNTRIES[country]
        first, second = rng.sample(surnames, 2)
        name = f"{rng.choice(given)} {first} {second}"
        people.setdefault(name, Defender(name, rng.choice(["she", "he"]), country))
    return list(people.values())


def spelled(name: str, rng: random.Random) -> str:
    """Most mentions as first written; one in ten under another spelling."""
    if rng.random() >= 0.1:
        return name
    for written, other in rng.sample(VARIANTS, len(VARIANTS)):
        if written in name:
            return name.replace(written, other, 1)
    return name


def appeal(index: int, defender: Defender, rng: random.Random) -> str:
    city = COUNTRIES[defender.country][0]
    name = spelled(defender.name, rng)
    happening, verb = rng.choice(EVENTS)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2026)
    sentence = happening.format(city=city, name=name)
    return (
        f"{defender.country}: Human rights defender {name} {verb}\n\n"
        f"On {day} {month} {year}, {sentence}. {defender.pronoun.capitalize()} has documented "
        f"abuses in {defender.country} for years.\n\n"
        f"Beacon for Defenders urges the authorities in {defender.country} to:\n"
        f"1. Immediately and unconditionally release {name};\n"
        f"2. End all harassment of human rights defenders in {defender.country}.\n\n"
        f"Reference: BENCH-{index:06d}\n"
    )


def write_appeals(directory: Path, count: int, *, seed: int = 7) -> list[Path]:
    """``count`` appeals about a population of count/4 defenders, repeats skewed (Zipf-like)."""
    rng = random.Random(seed)
    people = population(max(10, count // 4), rng)
    weights = [1 / (rank + 1) for rank in range(len(people))]
    paths = []
    for index, defender in enumerate(rng.choices(people, weights=weights, k=count)):
        path = directory / f"{index:06d}.txt"
        path.write_text(appeal(index, defender, rng), encoding="utf-8")
        paths.append(path)
    return paths
