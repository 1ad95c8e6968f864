"""Agency sources, the items they deliver, each item's versions, and what was set aside."""

from .items import WireBand, WireItem, WireVersion
from .sources import Delivery, Rejection, Source

__all__ = ["Delivery", "Rejection", "Source", "WireBand", "WireItem", "WireVersion"]
