"""/v3/memory (an onetake extension): what the agent remembers per API key, and forgetting it.

HeyGen injects and extracts memory in its sessions without a public route to see it; here a key
can list its facts (by brand) and delete one, one brand's, or all.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import delete, select

from onetake.service.context import current_key, services
from onetake.service.errors import ApiError
from onetake.service.memory import fact_view
from onetake.service.models import ApiKey, MemoryFact

router = APIRouter(tags=["Memory (onetake extension)"])


@router.get("/v3/memory", summary="What the agent remembers for this API key")
def list_memory(request: Request, brand: str | None = Query(None, max_length=200, description="only this brand's facts"),
                key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        query = select(MemoryFact).where(MemoryFact.key_id == key.id)
        if brand:
            query = query.where(MemoryFact.brand_key == brand.casefold())
        rows = s.scalars(query.order_by(MemoryFact.brand_key, MemoryFact.kind))
        return {"data": [fact_view(f) for f in rows]}


@router.delete("/v3/memory", summary="Forget everything, or one brand's facts")
def forget_all(request: Request, brand: str | None = Query(None, max_length=200), key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        query = delete(MemoryFact).where(MemoryFact.key_id == key.id)
        if brand:
            query = query.where(MemoryFact.brand_key == brand.casefold())
        deleted = s.execute(query).rowcount
    return {"data": {"deleted": deleted}}


@router.delete("/v3/memory/{fact_id}", summary="Forget one fact")
def forget_one(fact_id: str, request: Request, key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        fact = s.get(MemoryFact, fact_id)
        if fact is None or fact.key_id != key.id:
            raise ApiError(404, "not_found", f"memory fact '{fact_id}' not found")
        s.delete(fact)
    return {"data": {"id": fact_id, "deleted": True}}
