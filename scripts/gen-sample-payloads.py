#!/usr/bin/env python3
"""Prints webhook payload templates that load into polar-sdk 1.0.2 models, one per event type (JSON).

Used to regenerate Sources/PolarEmulator/Delivery/SamplePayloadData.swift. Needs polar-sdk installed."""
import dataclasses, typing, json, sys, types, uuid, collections.abc
import typing_extensions
from polar.base import deserialize
from polar.v2026_10 import webhooks as W
from polar.v2026_10 import outputs as O

ORG = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"
counter = [0]
def uid():
    counter[0] += 1
    return str(uuid.UUID(int=(0x5a3e0000_0000_4000_8000_000000000000 + counter[0])))

TS = "2026-09-10T12:00:00Z"

def value_for(name, tp, depth=0):
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is type(None): return None
    if origin is typing.Annotated: return value_for(name, args[0], depth)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        if type(None) in args and depth > 0: return None
        for a in non_none:
            v = value_for(name, a, depth)
            try:
                deserialize(v, a)
                return v
            except Exception:
                continue
        return value_for(name, non_none[0], depth)
    if origin is typing.Literal: return args[0]
    if origin in (list, collections.abc.Sequence, tuple): return []
    if origin in (dict, collections.abc.Mapping): return {}
    if tp is str:
        if name == "organization_id": return ORG
        if name.endswith("_at") or name in ("timestamp",): return TS
        if name == "id" or name.endswith("_id"): return uid()
        if name == "currency": return "usd"
        if name == "email": return "jane@example.com"
        if name in ("name", "label"): return "Demo"
        if name == "slug": return "acme-demo"
        return "demo"
    if tp is int: return 2500 if "amount" in name else 0
    if tp is float: return 0.0
    if tp is bool: return False
    if tp is typing.Any or tp is object: return None
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, include_extras=True)
        out = {}
        for f in dataclasses.fields(tp):
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if not required: continue
            out[f.name] = value_for(f.name, hints[f.name], depth + 1)
        return out
    if typing_extensions.is_typeddict(tp):
        hints = typing.get_type_hints(tp)
        return {k: value_for(k, hints[k], depth + 1) for k in getattr(tp, "__required_keys__", [])}
    return None

result = {}
for name in W.__all__:
    cls = getattr(W, name)
    if not (name.startswith("Webhook") and name.endswith("Payload") and dataclasses.is_dataclass(cls)): continue
    hints = typing.get_type_hints(cls, include_extras=True)
    etype = typing.get_args(hints["type"])[0]
    data = value_for("data", hints["data"], 1 if False else 0)
    body = {"type": etype, "timestamp": TS, "api_version": "2026-10", "data": data}
    for f in dataclasses.fields(cls):
        if f.name not in body and f.default is dataclasses.MISSING:
            body[f.name] = value_for(f.name, hints[f.name], 1)
    deserialize(body, cls)
    result[etype] = body
json.dump(result, sys.stdout, separators=(",", ":"))
