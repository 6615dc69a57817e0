"""Competencies in the portfolio exports: the HTML journal's section, and Leap2A items as
Mahara's résumé plugin claims them (htdocs/artefact/resume/import/leap/lib.php: an `ability`
or `achievement` with `mahara:artefactplugin` plugin "resume" and a known type)."""

from __future__ import annotations

import json
import zipfile

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from lxml import etree

from team_desktop.core.competencies import evidence
from team_desktop.core.credentials import attestations, jws
from team_desktop.core.export.html import journal_html
from team_desktop.core.export.leap2a import export_leap2a
from team_desktop.core.export.selection import select_entries
from team_desktop.core.store.competency_models import CompetencyValidation, Endorsement
from team_desktop.core.store.db import set_setting
from team_desktop.core.store.models import utcnow
from team_desktop.core.store.sync_models import Person
from tests.core.export_kit import add_entry

COPREP = "test-mini/co-preparer"
ME, PEER = "a" * 32, "b" * 32
NS = {
    "a": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "m": "http://wiki.mahara.org/Developer_Area/Import%2F%2FExport/LEAP_Extensions#",
    "x": "http://www.w3.org/1999/xhtml",
    "leap2": "http://terms.leapspecs.org/",
}


def _portfolio() -> None:
    set_setting("sync.user_id", ME)
    set_setting("sync.display_name", "Camille Martin")
    Person.create(id=PEER, display_name="Dana")
    entry = add_entry("Séance à deux", "Rôles écrits.")
    proof = evidence.link(COPREP, "entry", entry, "Nous avons réparti les rôles <vraiment>.")
    Endorsement.create(id="c" * 32, evidence_id=proof, author_id=PEER, body="J'ai observé.")
    CompetencyValidation.create(
        id="d" * 32,
        competency_uid=COPREP,
        learner_id=ME,
        group_id="e" * 32,
        author_id=PEER,
        validated=True,
        decided_at=utcnow(),
    )
    key = Ed25519PrivateKey.generate()
    credential = {
        "id": "urn:uuid:5d6c2a34-0c1e-4e7c-9a54-2f3c1d2b3a4c",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Co-préparer une séance à deux",
        "credentialSubject": {"achievement": {"description": "Compétence du module."}},
        "validFrom": "2026-12-01T09:00:00Z",
    }
    keys = json.dumps({"keys": [jws.public_jwk(key.public_key())]})
    attestations.keep(
        {"kind": "competency", "uid": COPREP, "credential": jws.sign(credential, key, "vc+jwt")},
        keys,
    )


def test_the_html_journal_ends_with_the_competencies(course):
    _portfolio()
    html = journal_html(select_entries(course.paths))
    section = html[html.index("Mes compétences") :]
    assert "Co-préparer une séance à deux en répartissant les rôles" in section
    assert "Nous avons réparti les rôles &lt;vraiment&gt;." in section
    assert "Appui de Dana : J&#x27;ai observé." in section
    assert "Validée par Dana" in section and "Attestations vérifiables" in section
    # The other competency has nothing to show: it is not listed.
    assert "Décrire une séance vécue" not in section


def test_leap2a_gives_mahara_one_work_skill_and_a_certification(course, tmp_path):
    _portfolio()
    output = tmp_path / "portfolio.zip"
    export_leap2a(select_entries(course.paths), output, "Camille Martin")
    feed = etree.fromstring(zipfile.ZipFile(output).read("leap2a.xml"))
    kinds = {}
    for item in feed.findall("a:entry", NS):
        kind = item.find("rdf:type", NS).get(f"{{{NS['rdf']}}}resource")
        kinds.setdefault(kind, []).append(item)
    [ability] = kinds["leap2:ability"]
    plugin = ability.find("m:artefactplugin", NS)
    assert (plugin.get(f"{{{NS['m']}}}plugin"), plugin.get(f"{{{NS['m']}}}type")) == (
        "resume",
        "workskill",
    )
    text = "".join(ability.find("a:content/x:div", NS).itertext())
    assert "Nous avons réparti les rôles <vraiment>." in text and "Dana" in text
    [achievement] = kinds["leap2:achievement"]
    assert achievement.findtext("a:title", namespaces=NS) == "Co-préparer une séance à deux"
    plugin = achievement.find("m:artefactplugin", NS)
    assert plugin.get(f"{{{NS['m']}}}type") == "pseudo:certification"
    assert achievement.find("leap2:date", NS).get(f"{{{NS['leap2']}}}point") == "end"
