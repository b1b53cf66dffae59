"""A page photographed at an angle: the paper's four corners found in the photo (the largest bright
quadrilateral on a darker table), the page warped flat to an A4 rectangle at the OCR resolution, and its
uneven light evened out, before it is straightened like a scan. A scan (all paper) is left as it is."""

from __future__ import annotations

import numpy as np

from .raster import A4_LONG, DPI

# The photo is searched for the page on a copy this many pixels wide.
WORK_WIDTH = 1000
# The paper covers at least this share of a photo; covering more than the other, the image is a scan.
MIN_PAGE = 0.2
MAX_PAGE = 0.9
# Corners are found on the paper's outline simplified to within this share of its length.
CORNER_SLACK = 0.02
# Light is evened out against the page's background measured over squares this share of its width.
LIGHT_WINDOW = 0.03


def page_corners(gray: np.ndarray) -> np.ndarray | None:
    """The page's corners (4×2, pixels of `gray`) where the image is a photo of a page on a darker
    ground; None for a scan or where no four-cornered page stands out."""
    import cv2

    scale = min(1.0, WORK_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, paper = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    paper = cv2.morphologyEx(paper, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    contours, _ = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = cv2.convexHull(max(contours, key=cv2.contourArea))
    share = cv2.contourArea(outline) / (small.shape[0] * small.shape[1])
    if not MIN_PAGE <= share <= MAX_PAGE:
        return None
    corners = cv2.approxPolyDP(outline, CORNER_SLACK * cv2.arcLength(outline, True), True)
    if len(corners) != 4:
        return None
    return corners.reshape(4, 2).astype(np.float32) / scale


def _ordered(corners: np.ndarray) -> np.ndarray:
    """Top left, top right, bottom right, bottom left."""
    total, difference = corners.sum(axis=1), np.diff(corners, axis=1).ravel()
    return np.array(
        [corners[total.argmin()], corners[difference.argmin()], corners[total.argmax()], corners[difference.argmax()]],
        dtype=np.float32,
    )


def even_light(gray: np.ndarray) -> np.ndarray:
    """The page with its background brought to white: each pixel divided by the paper's brightness
    around it (a photo's light falls off across the page; a threshold for all of it loses the dim side)."""
    import cv2

    size = max(15, int(gray.shape[1] * LIGHT_WINDOW) | 1)
    background = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    background = cv2.GaussianBlur(background, (size, size), 0)
    return cv2.divide(gray, np.maximum(background, 1), scale=255)


def flatten_photo(gray: np.ndarray) -> np.ndarray:
    """A photographed page warped flat, at A4 size at DPI, its light evened; a scan as it is."""
    import cv2

    corners = page_corners(gray)
    if corners is None:
        return gray
    tl, tr, br, bl = _ordered(corners)
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    factor = A4_LONG * DPI / max(width, height)
    size = (int(width * factor), int(height * factor))
    target = np.array([[0, 0], [size[0] - 1, 0], [size[0] - 1, size[1] - 1], [0, size[1] - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(np.array([tl, tr, br, bl]), target)
    flat = cv2.warpPerspective(gray, matrix, size, flags=cv2.INTER_CUBIC, borderValue=255)
    return even_light(flat)
