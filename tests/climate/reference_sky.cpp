#include "climate/reference_sky.hpp"

#include <cmath>

namespace coron::test {

namespace {

const double pi = 3.14159265358979323846;
double cosd(double x) { return std::cos(x * pi / 180.0); }
double sind(double x) { return std::sin(x * pi / 180.0); }

// Perez et al. 1990, Table 6, written by coefficient (one array per column of the table,
// one entry per clearness bin 1..8), the transpose of the layout of the code under test.
const double f11[8] = {-0.008, 0.130, 0.330, 0.568, 0.873, 1.132, 1.060, 0.678};
const double f12[8] = {0.588, 0.683, 0.487, 0.187, -0.392, -1.237, -1.600, -0.327};
const double f13[8] = {-0.062, -0.151, -0.221, -0.295, -0.362, -0.412, -0.359, -0.250};
const double f21[8] = {-0.060, -0.019, 0.055, 0.109, 0.226, 0.288, 0.264, 0.156};
const double f22[8] = {0.072, 0.066, -0.064, -0.152, -0.462, -0.823, -1.127, -1.377};
const double f23[8] = {-0.022, -0.029, -0.026, -0.014, 0.001, 0.056, 0.131, 0.251};

}  // namespace

ReferenceIrradiance reference_tilted_irradiance(double zenith_deg, double sun_azimuth_deg, double dni,
                                                double dhi, double ghi, double tilt_deg,
                                                double surface_azimuth_deg, double albedo, double i0) {
  ReferenceIrradiance r;
  const double cos_theta = cosd(zenith_deg) * cosd(tilt_deg) +
                           sind(zenith_deg) * sind(tilt_deg) * cosd(sun_azimuth_deg - surface_azimuth_deg);
  double a = cos_theta;
  if (a < 0.0) a = 0.0;
  if (zenith_deg >= 90.0) a = 0.0;
  r.beam = dni * a;

  double F1 = 0.0;
  double F2 = 0.0;
  if (dhi > 0.0 && zenith_deg < 90.0) {
    const double z = zenith_deg * pi / 180.0;  // the paper's zenith is in radians
    const double epsilon = ((dhi + dni) / dhi + 1.041 * z * z * z) / (1.0 + 1.041 * z * z * z);
    int bin;
    if (epsilon < 1.065)
      bin = 1;
    else if (epsilon < 1.230)
      bin = 2;
    else if (epsilon < 1.500)
      bin = 3;
    else if (epsilon < 1.950)
      bin = 4;
    else if (epsilon < 2.800)
      bin = 5;
    else if (epsilon < 4.500)
      bin = 6;
    else if (epsilon < 6.200)
      bin = 7;
    else
      bin = 8;
    // Kasten & Young 1989 air mass.
    const double air_mass = 1.0 / (cosd(zenith_deg) + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
    const double delta = dhi * air_mass / i0;
    const int k = bin - 1;
    F1 = f11[k] + f12[k] * delta + f13[k] * z;
    if (F1 < 0.0) F1 = 0.0;
    F2 = f21[k] + f22[k] * delta + f23[k] * z;
    r.bin = bin;
  }
  double b = cosd(zenith_deg);
  if (b < cosd(85.0)) b = cosd(85.0);
  r.sky = dhi * ((1.0 - F1) * (1.0 + cosd(tilt_deg)) / 2.0 + F1 * a / b + F2 * sind(tilt_deg));
  if (r.sky < 0.0) r.sky = 0.0;
  r.ground = ghi * albedo * (1.0 - cosd(tilt_deg)) / 2.0;
  return r;
}

void reference_sun(double latitude_deg, double declination_deg, double hour_angle_deg, double& zenith_deg,
                   double& azimuth_deg) {
  const double cos_z = cosd(latitude_deg) * cosd(declination_deg) * cosd(hour_angle_deg) +
                       sind(latitude_deg) * sind(declination_deg);
  zenith_deg = std::acos(cos_z) * 180.0 / pi;
  const double sin_z = std::sin(std::acos(cos_z));
  double x = (cos_z * sind(latitude_deg) - sind(declination_deg)) / (sin_z * cosd(latitude_deg));
  if (x > 1.0) x = 1.0;
  if (x < -1.0) x = -1.0;
  const double sign = hour_angle_deg < 0.0 ? -1.0 : 1.0;
  const double from_south = sign * std::fabs(std::acos(x) * 180.0 / pi);  // eq. 1.6.6
  azimuth_deg = from_south + 180.0;
}

}  // namespace coron::test
