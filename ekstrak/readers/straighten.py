"""A scanned page set upright: a page scanned sideways turned by Tesseract's orientation detection, and a
small tilt (a degree or two) undone by the angle at which the rows of ink line up best."""

from __future__ import annotations

import numpy as np

# Tilts tried, in degrees: a coarse sweep, then a finer one around the best.
MAX_TILT = 3.0
COARSE = 0.25
FINE = 0.05
# The tilt is measured on a copy this many pixels wide (faster; a degree is still many pixels).
MEASURE_WIDTH = 1200


def _ink(gray: np.ndarray) -> np.ndarray:
    """Dark pixels as 1.0 (Otsu's threshold), on a copy shrunk to MEASURE_WIDTH."""
    import cv2

    scale = min(1.0, MEASURE_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink.astype(np.float32)


def rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    """The image turned `degrees` counter-clockwise about its centre, new corners white."""
    import cv2

    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _sharpness(ink: np.ndarray, degrees: float) -> float:
    """How sharply the rows of ink stand apart when the page is turned by `degrees`."""
    import cv2

    h, w = ink.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    profile = turned.sum(axis=1)
    return float(np.square(np.diff(profile)).sum())


def tilt(gray: np.ndarray) -> float:
    """The turn (degrees, counter-clockwise) that sets the page's lines of text and rules level."""
    ink = _ink(gray)
    if ink.sum() == 0:
        return 0.0
    coarse = np.arange(-MAX_TILT, MAX_TILT + COARSE / 2, COARSE)
    best = max(coarse, key=lambda a: _sharpness(ink, a))
    fine = np.arange(best - COARSE, best + COARSE + FINE / 2, FINE)
    return float(max(fine, key=lambda a: _sharpness(ink, a)))


def upright(gray: np.ndarray, api) -> np.ndarray:
    """The page turned by a quarter turn where Tesseract's orientation detection (`api`, an OSD engine)
    is sure it lies sideways or upside down; unchanged otherwise."""
    from PIL import Image

    api.SetImage(Image.fromarray(gray))
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:  # too little text to tell
        return gray
    if not found or found.get("orient_conf", 0) < 2.0 or found.get("orient_deg", 0) == 0:
        return gray
    # orient_deg is the counter-clockwise turn that sets the page upright, as np.rot90 turns.
    return np.ascontiguousarray(np.rot90(gray, k=found["orient_deg"] // 90))


def straighten(gray: np.ndarray, api=None) -> np.ndarray:
    """The page upright (when `api` is given) and level."""
    if api is not None:
        gray = upright(gray, api)
    angle = tilt(gray)
    return rotate(gray, angle) if abs(angle) >= FINE else gray
