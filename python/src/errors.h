// python/src/errors.h -- bad arguments from Python, as cupola.InputError.
//
// cupola::InputError (a file, a key, a value) reaches Python as
// cupola.InputError (a ValueError) with the CLI's message. Arguments that
// come from Python itself (arrays, numbers) are told by the same class with
// the function's name in front: "cupola.atmosphere: h: got nan; expected a finite number".
#pragma once

#include <pybind11/pybind11.h>

#include <string>

namespace cupola::python {

/// Registers cupola.InputError in `m` (module.cpp, once).
void RegisterInputError(pybind11::module_& m);

/// Throws cupola.InputError for a bad argument `key` of `function` (with the GIL held).
[[noreturn]] void BadArgument(const std::string& function, const std::string& key, const std::string& value,
                              const std::string& expected);
/// Throws cupola.InputError with `message` as it is.
[[noreturn]] void BadInput(const std::string& message);

/// BadArgument unless `value` is finite.
void RequireFinite(const std::string& function, const std::string& key, double value);

}  // namespace cupola::python
