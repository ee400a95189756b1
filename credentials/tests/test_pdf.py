"""The printed attestation, read back as a stranger would: its text, and its QR code scanned."""

import subprocess

import pytest
from django.urls import reverse

from completion.tests.factories import CompletionFactory, engagement
from credentials.services import credential_revoke, issue_for
from volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "attestation.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


def scanned_qr_codes(pdf: bytes, tmp_path) -> list[str]:
    """Rasterise the first page as a printer would, then let ZBar find the QR code."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "page")],
        check=True,
    )
    (image,) = tmp_path.glob("page*.png")
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    return done.stdout.split()


def get_pdf(client, credential, **params):
    response = client.get(reverse("credentials:attestation", args=[credential.public_id]), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    return response


def test_the_pdf_names_the_volunteer_the_mission_and_the_hours(client, credential, tmp_path):
    text = pdf_text(get_pdf(client, credential).content, tmp_path)

    assert "Léa Martin" in text
    assert "Un logo pour la fête des jardins" in text
    assert "15 heures" in text
    assert "Les Jardins Partagés de Belleville" in text
    assert "W751234567" in text
    assert "732829320" in text
    assert "Léa a dessiné un logo que tout le quartier adore." in text
    assert "Logo et identité visuelle" in text


def test_its_qr_code_scans_to_the_verification_page(client, credential, tmp_path):
    codes = scanned_qr_codes(get_pdf(client, credential).content, tmp_path)

    assert codes == [f"http://testserver/verify/{credential.public_id}/"]


def test_it_comes_in_english_on_request(client, credential, tmp_path):
    response = get_pdf(client, credential, lang="en")

    assert f"attestation-{credential.public_id}-en.pdf" in response["Content-Disposition"]
    assert "Léa Martin" in pdf_text(response.content, tmp_path)


def test_a_revoked_attestation_says_so_on_paper_too(client, credential, staff, tmp_path):
    credential_revoke(credential=credential, by=staff, reason="Mission jamais réalisée.")

    text = pdf_text(get_pdf(client, credential).content, tmp_path)

    assert "révoquée" in text
    assert "Mission jamais réalisée." in text


def test_an_employee_gets_the_hours_attestation_for_the_mecenat(client, lea, tmp_path):
    VolunteerProfileFactory(user=lea, kind="employee", company_name="Banque Solidaire SA")
    completion = CompletionFactory(application=engagement(volunteer=lea), confirmed_hours=21)
    credential = issue_for(completion.application)

    text = pdf_text(get_pdf(client, credential).content, tmp_path)

    assert "Attestation d’heures de mécénat de compétences" in text
    assert "Banque Solidaire SA" in text
    assert "21 heures" in text
