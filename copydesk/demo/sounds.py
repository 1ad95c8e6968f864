"""The demo agency's audio: a short harbour-bell chime, made with Python's `wave` module.

Nothing is downloaded and no encoder is needed: WAV is plain samples, and every browser plays it.
(The demo offers no video: making a playable MP4 or WebM needs an encoder such as ffmpeg, which
Copydesk does not require.)
"""

import io
import math
import struct
import wave

RATE = 16_000


def chime_wav(seconds: float = 3.0) -> bytes:
    """Two soft bell tones that fade out, as 16-bit mono WAV."""
    frames = bytearray()
    for n in range(int(seconds * RATE)):
        t = n / RATE
        fade = math.exp(-1.6 * t)
        sample = 0.35 * math.sin(2 * math.pi * 523.25 * t) + 0.25 * math.sin(2 * math.pi * 659.25 * t)
        frames += struct.pack("<h", int(32767 * 0.6 * fade * sample))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
