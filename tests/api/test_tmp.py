import pytest

from tests.api.conftest import bearer, token_for
from tests.factories import make_user
from tests.web.world import make_world

pytestmark = pytest.mark.django_db


def test_x():
    w = make_world()
    c = bearer(token_for(make_user("e", "editor")))
    r = c.post("/api/v1/cases", '"AAA"', content_type="application/json")
    print(r.status_code, r.content[:300])
    r = c.post(f"/api/v1/sources/{w.source.pk}/accept", "[null, null]", content_type="application/json")
    print(r.status_code, r.content[:200])
