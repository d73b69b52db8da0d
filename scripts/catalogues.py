"""Write the appeal phrase catalogues (src/vigil/locale/*/LC_MESSAGES/django.po) from one table.

    python scripts/catalogues.py && make messages

Phrases that agree with the defenders' gender and number are keyed by context (female, male,
plural). Edit the table, run this script, then compile (``make messages``).
"""

from __future__ import annotations

from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "src" / "vigil" / "locale"

PLAIN: dict[str, dict[str, str]] = {
    "Human rights defenders": {"fr": "Défenseur·es des droits humains", "es": "Personas defensoras de derechos humanos", "ru": "Правозащитники"},
    "Woman human rights defender": {"fr": "Défenseure des droits humains", "es": "Defensora de derechos humanos", "ru": "Правозащитница"},
    "Human rights defender": {"fr": "Défenseur des droits humains", "es": "Defensor de derechos humanos", "ru": "Правозащитник"},
    "%(country)s: %(role)s %(names)s %(what)s": {"fr": "%(country)s : %(role)s %(names)s %(what)s", "es": "%(country)s: %(role)s %(names)s %(what)s", "ru": "%(country)s: %(role)s %(names)s %(what)s"},
    "%(name)s is a %(roles)s.": {"fr": "%(name)s est %(roles)s.", "es": "%(name)s es %(roles)s.", "ru": "%(name)s — %(roles)s."},
    "%(name)s works with %(organisations)s.": {"fr": "%(name)s travaille avec %(organisations)s.", "es": "%(name)s trabaja con %(organisations)s.", "ru": "%(name)s сотрудничает с организациями: %(organisations)s."},
    "%(organisation)s urges the authorities of %(country)s to:": {"fr": "%(organisation)s exhorte les autorités à :", "es": "%(organisation)s insta a las autoridades de %(country)s a:", "ru": "%(organisation)s призывает власти государства %(country)s:"},
    "CONFIDENTIAL — not for publication": {"fr": "CONFIDENTIEL — ne pas publier", "es": "CONFIDENCIAL — no publicar", "ru": "КОНФИДЕНЦИАЛЬНО — не для публикации"},
    "Earlier incidents": {"fr": "Incidents antérieurs", "es": "Incidentes anteriores", "ru": "Предыдущие инциденты"},
    "Please act before %(date)s.": {"fr": "Merci d'agir avant le %(date)s.", "es": "Por favor, actúe antes del %(date)s.", "ru": "Пожалуйста, действуйте до %(date)s."},
    "Addressees": {"fr": "Destinataires", "es": "Destinatarios", "ru": "Адресаты"},
    "Not translated: %(sections)s": {"fr": "Non traduit : %(sections)s", "es": "Sin traducir: %(sections)s", "ru": "Без перевода: %(sections)s"},
    "phone": {"fr": "tél.", "es": "tel.", "ru": "тел."},
    "fax": {"fr": "fax", "es": "fax", "ru": "факс"},
    "Board of Directors": {"fr": "Conseil d'administration", "es": "Junta Directiva", "ru": "Совет директоров"},
    "International Advisory Council": {"fr": "Conseil consultatif international", "es": "Consejo Asesor Internacional", "ru": "Международный консультативный совет"},
    "Executive Committee": {"fr": "Comité exécutif", "es": "Comité Ejecutivo", "ru": "Исполнительный комитет"},
    "woman human rights defender": {"fr": "défenseure des droits humains", "es": "defensora de derechos humanos", "ru": "правозащитница"},
    "human rights defender": {"fr": "défenseur des droits humains", "es": "defensor de derechos humanos", "ru": "правозащитник"},
    "journalist": {"fr": "journaliste", "es": "periodista", "ru": "журналист"},
    "lawyer": {"fr": "avocat·e", "es": "abogado/a", "ru": "адвокат"},
    "activist": {"fr": "militant·e", "es": "activista", "ru": "активист"},
    "LGBTQI+ activist": {"fr": "militant·e LGBTQI+", "es": "activista LGBTQI+", "ru": "ЛГБТКИ+ активист"},
    "LGBTI+ activist": {"fr": "militant·e LGBTI+", "es": "activista LGBTI+", "ru": "ЛГБТИ+ активист"},
    "environmental defender": {"fr": "défenseur·e de l'environnement", "es": "defensor/a del medio ambiente", "ru": "экологический активист"},
    "trade unionist": {"fr": "syndicaliste", "es": "sindicalista", "ru": "профсоюзный активист"},
    "researcher": {"fr": "chercheur·e", "es": "investigador/a", "ru": "исследователь"},
    "poet": {"fr": "poète", "es": "poeta", "ru": "поэт"},
    "co-founder of a human rights organisation": {"fr": "cofondateur·rice d'une organisation de défense des droits humains", "es": "cofundador/a de una organización de derechos humanos", "ru": "соучредитель правозащитной организации"},
    "founder of a human rights organisation": {"fr": "fondateur·rice d'une organisation de défense des droits humains", "es": "fundador/a de una organización de derechos humanos", "ru": "основатель правозащитной организации"},
    "coordinator of a human rights organisation": {"fr": "coordinateur·rice d'une organisation de défense des droits humains", "es": "coordinador/a de una organización de derechos humanos", "ru": "координатор правозащитной организации"},
    "paralegal": {"fr": "parajuriste", "es": "paralegal", "ru": "помощник юриста"},
    "community leader": {"fr": "responsable communautaire", "es": "líder comunitario/a", "ru": "общественный лидер"},
    "Indigenous leader": {"fr": "dirigeant·e autochtone", "es": "líder indígena", "ru": "лидер коренного народа"},
}

POSITION = (
    "%(organisation)s strongly condemns the targeting of %(names)s, which it believes "
    "to be a reprisal for peaceful and legitimate human rights work."
)
# (msgid) -> {language: (female, male, plural)}
GENDERED: dict[str, dict[str, tuple[str, str, str]]] = {
    "at risk": {"fr": ("en danger", "en danger", "en danger"), "es": ("en riesgo", "en riesgo", "en riesgo"), "ru": ("в опасности", "в опасности", "в опасности")},
    "detained for %(duration)s": {"fr": ("détenue pendant %(duration)s", "détenu pendant %(duration)s", "détenus pendant %(duration)s"), "es": ("detenida por %(duration)s", "detenido por %(duration)s", "detenidos por %(duration)s"), "ru": ("задержана на %(duration)s", "задержан на %(duration)s", "задержаны на %(duration)s")},
    "sentenced to %(duration)s": {"fr": ("condamnée à %(duration)s", "condamné à %(duration)s", "condamnés à %(duration)s"), "es": ("condenada a %(duration)s", "condenado a %(duration)s", "condenados a %(duration)s"), "ru": ("приговорена к сроку %(duration)s", "приговорён к сроку %(duration)s", "приговорены к сроку %(duration)s")},
    "sentenced": {"fr": ("condamnée", "condamné", "condamnés"), "es": ("condenada", "condenado", "condenados"), "ru": ("осуждена", "осуждён", "осуждены")},
    "detained": {"fr": ("détenue", "détenu", "détenus"), "es": ("detenida", "detenido", "detenidos"), "ru": ("задержана", "задержан", "задержаны")},
    "killed": {"fr": ("tuée", "tué", "tués"), "es": ("asesinada", "asesinado", "asesinados"), "ru": ("убита", "убит", "убиты")},
    "attacked": {"fr": ("agressée", "agressé", "agressés"), "es": ("agredida", "agredido", "agredidos"), "ru": ("подверглась нападению", "подвергся нападению", "подверглись нападению")},
    "threatened": {"fr": ("menacée", "menacé", "menacés"), "es": ("amenazada", "amenazado", "amenazados"), "ru": ("получает угрозы", "получает угрозы", "получают угрозы")},
    "charged": {"fr": ("inculpée", "inculpé", "inculpés"), "es": ("acusada", "acusado", "acusados"), "ru": ("обвиняется", "обвиняется", "обвиняются")},
    "released": {"fr": ("libérée", "libéré", "libérés"), "es": ("liberada", "liberado", "liberados"), "ru": ("освобождена", "освобождён", "освобождены")},
    "targeted": {"fr": ("prise pour cible", "pris pour cible", "pris pour cible"), "es": ("en la mira", "en la mira", "en la mira"), "ru": ("подвергается преследованию", "подвергается преследованию", "подвергаются преследованию")},
    "human rights defender %(names)s": {
        "fr": ("la défenseure des droits humains %(names)s", "le défenseur des droits humains %(names)s", "les défenseur·es des droits humains %(names)s"),
        "es": ("la defensora de derechos humanos %(names)s", "el defensor de derechos humanos %(names)s", "las personas defensoras de derechos humanos %(names)s"),
        "ru": ("правозащитница %(names)s", "правозащитник %(names)s", "правозащитники %(names)s"),
    },
    POSITION: {
        "fr": ("%(organisation)s condamne fermement les attaques visant %(names)s, qu'elle considère comme des représailles à son travail pacifique et légitime de défense des droits humains.",) * 2
        + ("%(organisation)s condamne fermement les attaques visant %(names)s, qu'elle considère comme des représailles à leur travail pacifique et légitime de défense des droits humains.",),
        "es": ("%(organisation)s condena enérgicamente los ataques contra %(names)s, que considera una represalia por su labor pacífica y legítima en defensa de los derechos humanos.",) * 3,
        "ru": ("%(organisation)s решительно осуждает преследование: %(names)s; организация считает его местью за мирную и законную правозащитную деятельность.",) * 3,
    },
}
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def catalogue(language: str) -> str:
    lines = [
        'msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {language}\\n"', f'"Plural-Forms: {PLURAL_FORMS[language]}\\n"', "",
    ]
    for msgid, translations in PLAIN.items():
        lines += [f"msgid {quoted(msgid)}", f"msgstr {quoted(translations[language])}", ""]
    for msgid, translations in GENDERED.items():
        for context, text in zip(("female", "male", "plural"), translations[language], strict=True):
            lines += [f"msgctxt {quoted(context)}", f"msgid {quoted(msgid)}", f"msgstr {quoted(text)}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    for language in ("fr", "es", "ru"):
        path = LOCALE / language / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(catalogue(language), encoding="utf-8")
