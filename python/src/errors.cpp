#include "errors.h"

#include <cmath>

#include "cupola/core/error.h"
#include "cupola/core/text.h"

namespace cupola::python {

namespace {
PyObject* input_error_type = nullptr;  // the class registered below, alive with the module
}  // namespace

void RegisterInputError(pybind11::module_& m) {
  input_error_type = pybind11::register_exception<InputError>(m, "InputError", PyExc_ValueError).ptr();
}

void BadArgument(const std::string& function, const std::string& key, const std::string& value,
                 const std::string& expected) {
  throw InputError({function}, key, value, expected);
}

void BadInput(const std::string& message) {
  PyErr_SetString(input_error_type, message.c_str());
  throw pybind11::error_already_set();
}

void RequireFinite(const std::string& function, const std::string& key, double value) {
  if (!std::isfinite(value)) BadArgument(function, key, FormatNumber(value), "a finite number");
}

}  // namespace cupola::python
