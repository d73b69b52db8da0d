"""The API object: its routers, its token, how refusals are answered, and its OpenAPI document.

A record the caller may not see is answered 404 like one that does not exist; a write the
caller's role does not allow is 403; an action's refusal in the record's present state (a
review already accepted, a follow-up already done) is 409 with the action's message; content
that fits the schema but cannot be used (an unreadable document) is 422. Answers are never cached.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from ninja import NinjaAPI, Swagger
from ninja.operation import Operation
from ninja.params.models import QueryModel

from vigil.api import account, cases, events, followups, people, search, sources
from vigil.api.answers import Unprocessable
from vigil.api.auth import BearerToken, signed_in_or_token
from vigil.api.tokens import TokenError
from vigil.cases.access import AccessDenied
from vigil.cases.actions.edits import EditError
from vigil.cases.actions.guard import NotAllowed
from vigil.intake.review import ReviewError

DESCRIPTION = """Cases of human rights defenders at risk, as the calling account may see them.

Every call carries `Authorization: Bearer <token>`; an admin issues tokens with
`vigil token create ACCOUNT`. A token acts with its account's role: a record the account may
not see is answered 404, a write its role does not allow 403. Lists are paged with `page` and
`page_size` (at most 100)."""


class VigilAPI(NinjaAPI):
    """NinjaAPI whose operation ids are the view names and whose answers are never cached."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__

    def create_response(self, request: HttpRequest, data: Any, **kwargs: Any) -> HttpResponse:
        response = super().create_response(request, data, **kwargs)
        add_never_cache_headers(response)
        return response


api = VigilAPI(
    title="Vigil API",
    version="1",
    description=DESCRIPTION,
    auth=BearerToken(),
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_decorator=signed_in_or_token,
)


def known_parameters_only(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer 422 to a query parameter the operation does not take (``?situaton=detained``
    would otherwise return the whole list as if it were filtered)."""
    operation: Operation = run.__self__  # type: ignore[attr-defined]
    known: set[str] = set()
    for model in operation.models:
        if issubclass(model, QueryModel):
            known |= set(getattr(model, "__ninja_flatten_map__", None) or {})
            known |= {field.alias or name for name, field in model.model_fields.items()}

    @wraps(run)
    def checked(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        unknown = sorted(set(request.GET) - known)
        if unknown:
            errors = [
                {"type": "unknown", "loc": ["query", name], "msg": "no such parameter"} for name in unknown
            ]
            return api.create_response(request, {"detail": errors}, status=422)
        return run(request, **kwargs)

    return checked


api.add_decorator(known_parameters_only, mode="view")

for router in (
    account.router,
    cases.router,
    people.router,
    events.router,
    sources.router,
    followups.router,
    search.router,
):
    api.add_router("", router)


def problem(request: HttpRequest, detail: str, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(AccessDenied)
def not_found(request: HttpRequest, exc: AccessDenied) -> HttpResponse:
    return problem(request, "Not found", 404)


@api.exception_handler(NotAllowed)
def forbidden(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
    return problem(request, str(exc), 403)


@api.exception_handler(EditError)
@api.exception_handler(ReviewError)
@api.exception_handler(TokenError)
def conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(request, str(exc), 409)


@api.exception_handler(Unprocessable)
def unprocessable(request: HttpRequest, exc: Unprocessable) -> HttpResponse:
    detail = [{"type": "refused", "loc": ["body", exc.field], "msg": str(exc)}]
    return api.create_response(request, {"detail": detail}, status=422)
