#pragma once

// A plain, scalar transcription of the Perez et al. 1990 sky (Solar Energy 44(5), 271-289)
// and of the irradiance on a tilted plane, written from the paper's equations with degrees
// throughout and sharing no code with models/climate: the fast path is compared with it.

namespace coron::test {

struct ReferenceIrradiance {
  double beam = 0.0;
  double sky = 0.0;
  double ground = 0.0;
  int bin = 0;  // 1..8; 0 for an isotropic sky
};

/// Irradiance (W/m2) on a plane of `tilt_deg` facing `surface_azimuth_deg` (compass) with the
/// sun at `zenith_deg`, `sun_azimuth_deg` (compass); `i0` the extraterrestrial normal irradiance.
ReferenceIrradiance reference_tilted_irradiance(double zenith_deg, double sun_azimuth_deg, double dni,
                                                double dhi, double ghi, double tilt_deg,
                                                double surface_azimuth_deg, double albedo, double i0);

/// The sun's zenith and compass azimuth (degrees) by Duffie & Beckman eqs. 1.6.5 and 1.6.6
/// as printed (azimuth from south, west positive, sign of the hour angle), converted to compass.
void reference_sun(double latitude_deg, double declination_deg, double hour_angle_deg, double& zenith_deg,
                   double& azimuth_deg);

}  // namespace coron::test
