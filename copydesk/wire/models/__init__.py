"""Agency sources, the items they deliver, each item's versions, and what was set aside."""

from .items import WireBand, WireItem, WireVersion
from .media import AgencyMedia
from .sources import Delivery, Rejection, Source

__all__ = ["AgencyMedia", "Delivery", "Rejection", "Source", "WireBand", "WireItem", "WireVersion"]
