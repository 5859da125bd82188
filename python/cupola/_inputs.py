"""Arguments from Python made into what the compiled core takes.

Scenarios come as a path, YAML text or a dict; overrides as a dict or a list
of "KEY=VALUE" strings, exactly as `--set` takes them. Wrong types raise
TypeError, bad values cupola.InputError (a ValueError) with the function's
name in front, as the CLI names its option.
"""
from __future__ import annotations

import json
import math
import numbers
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Union

from . import _cupola

ScenarioLike = Union[str, "os.PathLike[str]", Mapping[str, Any], None]
SetLike = Union[Mapping[str, Any], Iterable[str], None]

DEFAULT_SCENARIO = "border_town_salvo.yaml"


def bad(function: str, key: str, value: str, expected: str) -> _cupola.InputError:
    """The CLI's message form: 'where: key: got value; expected ...'."""
    return _cupola.InputError(f"{function}: {key}: got {value}; expected {expected}")


def bundled_scenario(name: str = DEFAULT_SCENARIO) -> str:
    """Path of a bundled scenario: $CUPOLA_SCENARIO_DIR, the installed
    share/cupola/scenarios, or the source tree's scenarios/ (as the CLI looks)."""
    here = Path(__file__).resolve().parent
    candidates = []
    if os.environ.get("CUPOLA_SCENARIO_DIR"):
        candidates.append(Path(os.environ["CUPOLA_SCENARIO_DIR"]))
    # Installed: <prefix>/lib/python3.X/dist-packages/cupola -> <prefix>/share/cupola/scenarios.
    candidates.append(here.parents[3] / "share" / "cupola" / "scenarios")
    candidates.extend(Path(d) for d in _cupola.SCENARIO_DIRS)
    for directory in candidates:
        if (directory / name).is_file():
            return str(directory / name)
    raise bad("cupola", "scenario", repr(name), "a bundled scenario (looked in " +
              ", ".join(str(c) for c in candidates) + ")")


def yaml_value(value: Any, function: str, key: str) -> str:
    """A Python value as the YAML text of a --set VALUE."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Real) and not math.isfinite(float(value)):
        raise bad(function, key, repr(value), "a finite number")
    try:
        # JSON is YAML: lists and maps keep their structure; NaN is refused.
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{function}: {key}: a {type(value).__name__} is not a scenario value ({e})") from None


def scenario_source(scenario: ScenarioLike, function: str) -> _cupola.ScenarioSource:
    """A path (str without a newline, or PathLike), YAML text (str with a newline) or a dict."""
    if scenario is None:
        path = bundled_scenario()
        return _cupola.ScenarioSource(path, True, path)
    if isinstance(scenario, os.PathLike):
        path = os.fspath(scenario)
        return _cupola.ScenarioSource(path, True, path)
    if isinstance(scenario, str):
        if "\n" in scenario:
            return _cupola.ScenarioSource(scenario, False, "<string>")
        if not scenario:
            raise bad(function, "scenario", "''", "a path, YAML text or a dict")
        return _cupola.ScenarioSource(scenario, True, scenario)
    if isinstance(scenario, Mapping):
        try:
            text = json.dumps(scenario, indent=2, allow_nan=False)
        except ValueError:
            raise bad(function, "scenario", "a dict with NaN or infinity", "finite numbers") from None
        except TypeError as e:
            raise TypeError(f"{function}: scenario: {e}") from None
        return _cupola.ScenarioSource(text, False, "<dict>")
    raise TypeError(f"{function}: scenario: expected a path, YAML text or a dict, got {type(scenario).__name__}")


def overrides(set: SetLike, function: str, key: str = "set") -> list[str]:
    """`set` as --set arguments: {"threats.0.count": 40} or ["threats.0.count=40"]."""
    if set is None:
        return []
    if isinstance(set, Mapping):
        out = []
        for k, v in set.items():
            if not isinstance(k, str):
                raise TypeError(f"{function}: {key}: keys are dotted scenario paths (str), got {type(k).__name__}")
            out.append(f"{k}={yaml_value(v, function, k)}")
        return out
    if isinstance(set, (str, bytes)):
        raise TypeError(f"{function}: {key}: expected a dict or a list of 'KEY=VALUE' strings, got one string")
    if isinstance(set, Iterable):
        out = list(set)
        for item in out:
            if not isinstance(item, str):
                raise TypeError(f"{function}: {key}: expected 'KEY=VALUE' strings, got {type(item).__name__}")
        return out
    raise TypeError(f"{function}: {key}: expected a dict or a list of 'KEY=VALUE' strings, got {type(set).__name__}")


def whole(value: Any, function: str, key: str, low: int, high: int | None = None,
          allow_none: bool = True) -> int | None:
    """An integer in [low, high], or None when allowed."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{function}: {key}: expected an integer, got {type(value).__name__}")
    if value < low or (high is not None and value > high):
        expected = f"an integer >= {low}" if high is None else f"an integer in [{low}, {high}]"
        raise bad(function, key, str(value), expected)
    return int(value)


def real(value: Any, function: str, key: str) -> float:
    """A finite float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{function}: {key}: expected a number, got {type(value).__name__}")
    if not math.isfinite(float(value)):
        raise bad(function, key, repr(float(value)), "a finite number")
    return float(value)


def seed(value: Any, function: str) -> int | None:
    return whole(value, function, "seed", 0, 2**64 - 1)
