"""Copydesk: a publishing platform for newsrooms that mix their own reporting with agency copy."""
