// cupola/scenario/presets.h -- the threat catalog: public parameters only.
//
// Every number comes from an open source named in docs/threats.md, or is
// marked there as an assumption; drag form factors are calibrated so each
// rocket and mortar reaches its published maximum range at its published
// best elevation (test: presets_test.cpp).
#pragma once

#include <string>
#include <vector>

#include "cupola/physics/gun_type.h"
#include "cupola/physics/interceptor_type.h"
#include "cupola/physics/threat_type.h"

namespace cupola {

/// The built-in threat types, in a fixed order.
const std::vector<ThreatType>& ThreatCatalog();
/// Catalog entry by name, or nullptr.
const ThreatType* FindCatalogThreat(const std::string& name);
/// Names of the catalog's entries.
std::vector<std::string> CatalogNames();

/// The built-in interceptor types (docs/interceptors.md).
const std::vector<InterceptorType>& InterceptorCatalog();
/// Interceptor catalog entry by name, or nullptr.
const InterceptorType* FindCatalogInterceptor(const std::string& name);
std::vector<std::string> InterceptorNames();

/// The built-in gun types (docs/effectors.md).
const std::vector<GunType>& GunCatalog();
/// Gun catalog entry by name, or nullptr.
const GunType* FindCatalogGun(const std::string& name);
std::vector<std::string> GunNames();

/// Standard drag shapes that user types can scale with a form factor.
DragCurve StandardDragCurve(const std::string& shape, double form_factor);
std::vector<std::string> StandardDragShapes();

}  // namespace cupola
