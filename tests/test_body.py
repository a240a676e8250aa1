"""The body model: every point placed, the words and the numbers agreeing, the geometry right."""

from __future__ import annotations

import itertools
import math

import pytest

import acupoints
from acupoints import Point
from acupoints.body import BodyModel, default_body
from acupoints.body.checks import alternative_problems, level_problems, text_problems
from acupoints.body.figure import outlines
from acupoints.body.views import VIEWS, WHOLE_BODY, facing, project
from acupoints.placement import Position


@pytest.fixture(scope="module")
def body() -> BodyModel:
    return default_body()


@pytest.fixture(scope="module")
def points() -> list[Point]:
    return acupoints.points()


def positions(point: Point) -> tuple[Position, ...]:
    loc = point.location
    return loc.positions or ((loc.position,) if loc.position else ())


def test_every_point_has_a_structure_and_a_computed_position(points: list[Point]) -> None:
    assert len(points) == 409
    missing = [p.code for p in points if not p.location.structure or p.location.position is None]
    assert missing == []
    for p in points:
        assert len(positions(p)) == len(p.location.structure), p.code
        assert positions(p)[0] == p.location.position


# points that are several points, with as many positions on one side as the standard describes
SEVERAL = {
    "EX-HN1": 4,  # Sishencong: four points round GV20
    "EX-B2": 17,  # Huatuojiaji: T1 to L5
    "EX-UE2": 2,  # Erbai: both sides of the flexor carpi radialis tendon
    "EX-UE7": 2,  # Yaotongdian: two points on the back of each hand
    "EX-UE9": 4,  # Baxie: four webs of each hand
    "EX-UE10": 4,  # Sifeng: four fingers of each hand
    "EX-UE11": 5,  # Shixuan: five fingertips of each hand
    "EX-LE1": 2,  # Kuangu: both sides of the rectus femoris tendon
    "EX-LE5": 2,  # Xiyan: the two knee eyes
    "EX-LE10": 4,  # Bafeng: four webs of each foot
    "EX-LE12": 5,  # Qiduan: five toe tips of each foot
}


def test_points_that_are_several_carry_every_position(points: list[Point]) -> None:
    several = {p.code: len(positions(p)) for p in points if len(positions(p)) > 1}
    assert several == SEVERAL
    for code, count in SEVERAL.items():
        spots = positions(acupoints.point(code))
        assert len({(s.frame, round(s.x, 2), round(s.y, 2)) for s in spots}) == count, code


def test_the_words_and_the_structure_carry_the_same_numbers(points: list[Point]) -> None:
    problems = [f"{p.code}: {m}" for p in points for m in text_problems(p) + level_problems(p)]
    assert problems == []


ALTERNATIVES = ("LI19", "LI20", "PC8", "PC9", "GB30", "GV26")
"""The six points WHO 2008 gives an alternative location for."""


def test_the_standards_alternative_locations_are_placed_and_agree_with_their_words(
    points: list[Point],
) -> None:
    assert sorted(p.code for p in points if p.location.alternatives) == sorted(ALTERNATIVES)
    for code in ALTERNATIVES:
        point = acupoints.point(code)
        assert alternative_problems(point) == [], code
        for alt in point.location.alternatives:
            assert "who-2008" in alt.sources and alt.note
    gv26, li19 = acupoints.point("GV26"), acupoints.point("LI19")
    # WHO 2008: GV26 at the midpoint of the philtrum, LI19 level with its upper third; the alternatives swap
    assert li19.location.position.y == gv26.location.alternatives[0].position.y  # type: ignore[union-attr]
    assert li19.location.alternatives[0].position.y == gv26.location.position.y  # type: ignore[union-attr]


def test_a_text_that_disagrees_with_its_structure_is_caught() -> None:
    pc6 = acupoints.point("PC6")
    assert text_problems(pc6, "3 cun above the wrist crease, between the tendons.")
    assert text_problems(pc6, "Above the wrist crease, between the tendons.")
    bl23 = acupoints.point("BL23")
    assert level_problems(
        bl23.model_copy(update={"location": bl23.location.model_copy(update={"level": "L3"})})
    )
    cv17 = acupoints.point("CV17")
    assert level_problems(cv17, "On the breastbone, level with the third intercostal space.")


def test_back_points_are_measured_from_their_vertebral_level(points: list[Point]) -> None:
    for p in points:
        if p.location.level and p.location.structure[0].frame == "back":
            m = p.location.structure[0]
            assert p.location.level in (m.level, m.from_), p.code


# --- distances read off the positions, as the standard gives them ---------------
# (a, b, |dy| along, |dx| across) in cun; a landmark is written frame:name
PAIRS: list[tuple[str, str, float, float]] = [
    # forearm
    ("PC6", "PC7", 2, 0),
    ("PC5", "PC7", 3, 0),
    ("PC4", "PC7", 5, 0),
    ("PC3", "PC7", 12, None),  # type: ignore[list-item]
    ("HT4", "HT7", 1.5, 0),
    ("HT5", "HT7", 1, 0),
    ("HT6", "HT7", 0.5, 0),
    ("LU5", "LU9", 12, None),  # type: ignore[list-item]
    ("TE5", "TE4", 2, None),
    ("TE6", "TE4", 3, None),
    ("TE7", "TE4", 3, None),
    ("TE8", "TE4", 4, None),  # type: ignore[list-item]
    ("SI6", "SI5", 1, None),
    ("SI7", "SI5", 5, None),
    ("LI6", "LI5", 3, None),
    ("LI7", "LI5", 5, None),  # type: ignore[list-item]
    ("LI10", "LI11", 2, None),
    ("LU7", "LU9", 1.5, None),
    ("LU6", "LU9", 7, None),  # type: ignore[list-item]
    # upper arm
    ("LU3", "upper-arm-front:axillary-fold-front", 3, None),
    ("LU4", "LU3", 1, 0),  # type: ignore[list-item]
    ("PC2", "upper-arm-front:axillary-fold-front", 2, None),  # type: ignore[list-item]
    # trunk, front
    ("ST25", "CV8", 0, 2),
    ("KI16", "CV8", 0, 0.5),
    ("SP15", "CV8", 0, 4),
    ("CV12", "CV8", 4, 0),
    ("CV4", "CV8", 3, 0),
    ("CV6", "CV8", 1.5, 0),
    ("CV3", "CV2", 1, 0),
    ("ST29", "CV3", 0, 2),
    ("KI12", "CV3", 0, 0.5),
    ("EX-CA1", "CV3", 0, 3),
    ("CV14", "CV16", 2, 0),
    ("CV15", "CV16", 1, 0),
    ("KI21", "CV14", 0, 0.5),
    ("ST19", "CV14", 0, 2),
    ("ST21", "CV12", 0, 2),
    ("SP16", "CV11", 0, 4),
    ("CV21", "CV22", 1, 0),
    ("PC1", "ST17", None, 1),
    ("ST17", "CV17", None, 4),  # type: ignore[list-item]
    # back
    ("BL23", "GV4", 0, 1.5),
    ("BL52", "GV4", 0, 3),
    ("BL25", "GV3", 0, 1.5),
    ("BL13", "GV12", 0, 1.5),
    ("BL42", "GV12", 0, 3),
    ("BL15", "GV11", 0, 1.5),
    ("BL17", "GV9", 0, 1.5),
    ("BL18", "GV8", 0, 1.5),
    ("BL20", "GV6", 0, 1.5),
    ("BL22", "GV5", 0, 1.5),
    ("BL11", "GV13", 0, 1.5),
    ("EX-B1", "GV14", 0, 0.5),
    # head
    ("GV20", "GV24", 4.5, 0),
    ("GV21", "GV20", 1.5, 0),
    ("GV19", "GV20", 1.5, 0),
    ("GV22", "GV24", 1.5, 0),
    ("GV23", "GV24", 0.5, 0),
    ("GV18", "GV19", 1.5, 0),
    ("BL4", "GV24", 0, 1.5),
    ("ST8", "GV24", 0, 4.5),
    # face
    ("ST4", "face:mouth-corner", 0, 0.4),
    # thigh, leg, foot
    ("ST36", "ST35", 3, None),
    ("ST37", "ST35", 6, None),
    ("ST38", "ST35", 8, None),  # type: ignore[list-item]
    ("ST39", "ST35", 9, None),
    ("ST34", "thigh-front:patella-base", 2, None),  # type: ignore[list-item]
    ("KI7", "KI3", 2, None),
    ("KI9", "KI3", 5, None),
    ("SP6", "leg-medial:medial-malleolus", 3, None),  # type: ignore[list-item]
    ("SP9", "SP6", 10, None),
    ("SP7", "SP6", 3, None),
    ("LR6", "LR5", 2, None),  # type: ignore[list-item]
    ("GB37", "GB39", 2, None),
    ("GB38", "GB39", 1, None),
    ("BL58", "BL60", 7, None),  # type: ignore[list-item]
    ("BL59", "BL60", 3, None),
    ("BL55", "BL40", 2, None),
    ("BL37", "BL36", 6, None),  # type: ignore[list-item]
    ("SP10", "thigh-medial:patella-base", 2, None),  # type: ignore[list-item]
]


def _spot(body: BodyModel, name: str, frame: str | None) -> tuple[str, float | None, float | None]:
    if ":" in name:
        lm_frame, lm_name = name.split(":")
        lm = body.landmark(lm_frame, lm_name)
        return lm_frame, lm.x, lm.y
    pos = acupoints.point(name).location.position
    assert pos is not None
    if frame is not None and frame != pos.frame:
        x, y = body.geometry.convert(pos.x, pos.y, pos.frame, frame)
        return frame, x, y
    return pos.frame, pos.x, pos.y


def test_there_are_at_least_sixty_pairs_over_every_part(body: BodyModel) -> None:
    assert len(PAIRS) >= 60
    parts = {body.frame(_spot(body, a, None)[0]).part for a, _, _, _ in PAIRS}
    assert {"cranium", "face", "trunk", "upper-arm", "forearm", "thigh", "leg"} <= parts


@pytest.mark.parametrize(("a", "b", "along", "across"), PAIRS, ids=[f"{a}-{b}" for a, b, _, _ in PAIRS])
def test_distances_read_off_the_positions_are_the_standards(
    body: BodyModel, a: str, b: str, along: float | None, across: float | None
) -> None:
    frame, xa, ya = _spot(body, a, None)
    _, xb, yb = _spot(body, b, frame)
    # across two parts (BL40 on the thigh, BL55 on the leg) the spot is carried through space,
    # which the lofts' slightly different axes blur by a few hundredths of a cun
    other = _spot(body, b, None)[0]
    tolerance = 0.05 if body.frame(other).part == body.frame(frame).part else 0.1
    if along is not None:
        assert ya is not None and yb is not None
        assert abs(abs(ya - yb) - along) < tolerance, (ya, yb)
    if across is not None:
        assert xa is not None and xb is not None
        assert abs(abs(xa - xb) - across) < tolerance, (xa, xb)


def test_the_standards_proportional_measures_hold_on_the_model(body: BodyModel) -> None:
    assert len(body.data.measurements) >= 15
    for m in body.data.measurements:
        (_, xa, ya), (_, xb, yb) = (_spot_or_mirror(body, n, m.frame) for n in (m.start, m.end))
        got = abs((ya or 0.0) - (yb or 0.0)) if m.axis == "along" else abs((xa or 0.0) - (xb or 0.0))
        assert abs(got - m.cun) < 0.05, m.label
        assert m.sources


def _spot_or_mirror(body: BodyModel, name: str, frame: str) -> tuple[str, float | None, float | None]:
    """A measurement's end: a landmark of the frame or a point, ``~`` for its mirror image."""
    flip = name.startswith("~")
    name = name.lstrip("~")
    ref = f"{frame}:{name}" if (frame, name) in body.landmarks else name
    f, x, y = _spot(body, ref, frame)
    return f, (-x if flip and x is not None else x), y


def test_midline_points_lie_on_the_midline_and_pairs_off_it(body: BodyModel, points: list[Point]) -> None:
    for p in points:
        for pos in positions(p):
            part = body.geometry.parts[body.frame(pos.frame).part]
            if part.side != "midline":
                continue
            where, _ = body.geometry.space(pos.frame, pos.x, pos.y)
            if p.location.side == "midline" and len(positions(p)) == 1:
                assert abs(where[0]) < 0.02, (p.code, where)
            elif p.location.side == "bilateral":
                assert abs(where[0]) > 0.05, (p.code, where)


def test_bilateral_points_mirror(body: BodyModel) -> None:
    """The right-side copy of a point is its mirror image: front view symmetric about the midline."""
    front = VIEWS["front"]
    for code in ("ST25", "LU1", "GB20", "LI20", "ST36", "PC6"):
        pos = acupoints.point(code).location.position
        assert pos is not None
        where, _ = body.geometry.space(pos.frame, pos.x, pos.y)
        left, right = project(front, where), project(front, (-where[0], where[1], where[2]))
        assert left[0] == pytest.approx(-right[0]) and left[1] == pytest.approx(right[1])


def _inside(pt: tuple[float, float], polygon: tuple[tuple[float, float], ...]) -> bool:
    x, y = pt
    inside = False
    for (x0, y0), (x1, y1) in itertools.pairwise((*polygon, polygon[0])):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


@pytest.mark.parametrize("name", WHOLE_BODY)
def test_every_point_lies_inside_the_outline_of_the_views_that_show_it(
    body: BodyModel, points: list[Point], name: str
) -> None:
    v = VIEWS[name]
    polygons = [poly for o in outlines(body.geometry, v) for poly in o.polygons]
    shown = 0
    for p in points:
        for pos in positions(p):
            where, normal = body.geometry.space(pos.frame, pos.x, pos.y)
            if facing(v, normal) <= 0.1:
                continue
            shown += 1
            spot = project(v, where)
            # on the surface: inside the silhouette, allowing for the hull's sampling (0.08 units)
            near = any(_inside(spot, poly) for poly in polygons) or any(
                _to_segment(spot, a, b) < 0.08
                for poly in polygons
                for a, b in itertools.pairwise((*poly, poly[0]))
            )
            assert near, (p.code, name, spot)
    assert shown > 100


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    span = (bx - ax) ** 2 + (by - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / span)) if span else 0.0
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


LIMB_FRAMES = ("upper-arm", "forearm", "thigh", "leg")
# where a channel's course turns back on itself along a limb, as the standard describes it
TURNS = {
    ("ST", "ST39"): "ST39 lies 9 cun below ST35, and ST40 comes after it at 8 cun, level with ST38",
    ("ST", "ST40"): "as ST39",
}


def _turns_back(points: list[Point]) -> set[tuple[str, str]]:
    """(meridian, code) of each point where a run along one limb part reverses direction."""
    by_meridian: dict[str, list[Point]] = {}
    for p in points:
        if p.meridian:
            by_meridian.setdefault(p.meridian, []).append(p)
    found: set[tuple[str, str]] = set()
    for meridian, chain in by_meridian.items():
        runs: list[list[tuple[Point, Position]]] = []
        for p in chain:
            pos = p.location.position
            assert pos is not None
            part = pos.frame.rsplit("-", 1)[0] if pos.frame.startswith(LIMB_FRAMES) else None
            if runs and part and runs[-1][0][1].frame.startswith(part):
                runs[-1].append((p, pos))
            else:
                runs.append([(p, pos)])
        for run in runs:
            if len(run) < 3:
                continue
            sign = 1 if run[-1][1].y > run[0][1].y else -1
            for (a, pa), (b, pb) in itertools.pairwise(run):
                if (pb.y - pa.y) * sign < -0.05:
                    found.update({(meridian, a.code), (meridian, b.code)})
    return found


def test_each_channel_runs_along_a_limb_in_the_order_of_its_course(points: list[Point]) -> None:
    assert _turns_back(points) - set(TURNS) == set()


def test_every_turn_listed_is_still_needed(points: list[Point]) -> None:
    assert set(TURNS) - _turns_back(points) == set()
