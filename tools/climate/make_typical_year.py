#!/usr/bin/env python3
"""Synthesises a typical hourly year for Lille-Lesquin from its monthly normals, as an EPW file.

Python 3 standard library only; deterministic (no random numbers), so re-running it rewrites
data/climate/lille-lesquin-typical.epw byte for byte (tests/climate/test_typical_year.py checks).
The method, its formulas and its limits: docs/climate.md. In short:

  temperature  daily mean and daily range by mean-preserving piecewise-linear interpolation of
               the monthly normals (Killworth 1996), every month's mean reproduced exactly; the
               hours by the Erbs et al. (1983) diurnal profile, which has a zero daily mean.
               No day-to-day weather: every day is its season's average day.
  solar        monthly clearness from the sunshine normals by Angstrom-Prescott (FAO-56
               coefficients), daily extraterrestrial irradiation by FAO-56, split into hours by
               Collares-Pereira & Rabl (1979); the day's diffuse by the monthly correlation of
               Erbs, Klein & Duffie (1982), into hours by Liu & Jordan (1960), the rest beam;
               sun position by Spencer (1971) as given in Duffie & Beckman.
  humidity     dew point = the day's minimum temperature (FAO-56 eq. 48, humid sites).
  pressure     FAO-56 eq. 7 at the station's elevation, constant.
  sky cover    10 x (1 - relative sunshine) of the month (own approximation); sky infrared from
               it by the EnergyPlus formula (Walton 1983; Clark & Allen 1978).
  wind, rain, snow, illuminance, visibility: no normals here, written as EPW missing codes.

Usage:
  python3 tools/climate/make_typical_year.py [--output PATH]
"""
import argparse
import math
import os
import sys

# --- station: shared/reference/thermal-reference.md §3 header (Météo-France 59343001, WMO 07015)
STATION_NAME = "LILLE-LESQUIN"
WMO = "070150"  # WMO 07015 with the 6-digit convention of EPW files (station suffix 0)
LATITUDE_DEG = 50.57
LONGITUDE_DEG = 3.10  # east positive, EPW convention
TIME_ZONE_H = 1.0  # CET, UTC+1; EPW data are in local standard time (no daylight saving)
ELEVATION_M = 47.0

# --- monthly normals 1991-2020, January..December: thermal-reference.md §3.1, dataset (A)
T_MEAN = [4.1, 4.6, 7.3, 10.2, 13.7, 16.7, 19.1, 19.0, 16.0, 12.0, 7.5, 4.7]
T_MIN = [1.6, 1.6, 3.5, 5.6, 9.0, 12.0, 14.2, 14.1, 11.5, 8.3, 4.7, 2.2]
T_MAX = [6.6, 7.5, 11.0, 14.8, 18.4, 21.4, 23.9, 23.8, 20.4, 15.6, 10.3, 7.1]
SUNSHINE_H = [60, 80, 130, 175, 205, 210, 220, 210, 165, 110, 65, 50]

DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  # a non-leap year
# Nominal calendar year written in the rows: the stock starts on 1 January 2018, a Monday, so
# weekday schedules line up with the simulated years' first one. The weather belongs to no year.
NOMINAL_YEAR = 2018
FIRST_WEEKDAY = "Monday"

# --- Angstrom-Prescott H = H0 (a + b n/N): FAO Irrigation and Drainage Paper 56 (Allen et al.
# 1998), eq. 35, its default values where no local calibration exists
ANGSTROM_A = 0.25
ANGSTROM_B = 0.50
# Solar constant 0.0820 MJ m-2 min-1 (FAO-56 eq. 21) = 1366.7 W/m2, the value the Angstrom
# coefficients go with; also used for the extraterrestrial fields and as the beam's ceiling.
SOLAR_CONSTANT_W_M2 = 0.0820e6 / 60.0

# --- Erbs, Klein & Beckman (1983), "Estimation of degree-days and ambient temperature bin data
# from monthly-average temperatures", ASHRAE Journal 25(6) 60-65: the diurnal profile
# sum_k a_k cos(k t* - b_k), t* = 2 pi (t - 1) / 24, t the hour 1..24, max at 15:00, min at
# 06:00. (amplitude a_k, phase b_k in radians), as used in the weather generator of Knight,
# Klein & Duffie (1991), Solar Energy 46(2) 109-120.
ERBS_DIURNAL_HARMONICS = [(0.4632, 3.805), (0.0984, 0.360), (0.0168, 0.822), (0.0138, 3.513)]

# --- station pressure: FAO-56 eq. 7, P = 101.3 ((293 - 0.0065 z) / 293)^5.26 kPa
PRESSURE_PA = round(101.3e3 * ((293.0 - 0.0065 * ELEVATION_M) / 293.0) ** 5.26)

# --- sky infrared, EnergyPlus Auxiliary Programs, "Field: Horizontal Infrared Radiation
# Intensity" (Walton 1983; Clark & Allen 1978): IR = eps sigma T^4,
# eps = (0.787 + 0.764 ln(Tdew / 273)) (1 + 0.0224 N - 0.0035 N^2 + 0.00028 N^3), N in tenths
STEFAN_BOLTZMANN = 5.6697e-8  # W m-2 K-4, the value that page uses

# --- ground temperatures (header only): Kusuda & Achenbach (1965) with the soil diffusivity
# the EnergyPlus weather converter uses. Its files print "2.3225760E-03 {m**2/day}" (COMMENTS 2
# of 725650TYCST.epw), but the number is 0.025 ft2/h in m2/h: that file's 0.5 m amplitude is
# 0.90 of its air's (10.5 K for 11.6 K); the damping at 0.5 m is 0.82 read per hour, 0.38 per day.
SOIL_DIFFUSIVITY_M2_H = 2.3225760e-3
SOIL_DIFFUSIVITY_M2_DAY = 24.0 * SOIL_DIFFUSIVITY_M2_H
GROUND_DEPTHS_M = [0.5, 2.0, 4.0]  # the converter's three depths

# --- EPW missing-value codes: EnergyPlus Auxiliary Programs, "EnergyPlus Weather File (EPW)
# Data Dictionary" (\missing of each field)
MISSING_ILLUMINANCE = 999999
MISSING_ZENITH_LUMINANCE = 9999
MISSING_WIND = 999  # direction and speed
MISSING_VISIBILITY = 9999
MISSING_CEILING = 99999
PRESENT_WEATHER_NOT_OBSERVED = 9
PRESENT_WEATHER_CODES_MISSING = "999999999"
MISSING_PRECIPITABLE_WATER = 999
MISSING_AEROSOL_OPTICAL_DEPTH = "0.999"
MISSING_SNOW_DEPTH = 999
MISSING_DAYS_SINCE_SNOW = 99
MISSING_ALBEDO = 999
MISSING_LIQUID_PRECIPITATION_DEPTH = 999
MISSING_LIQUID_PRECIPITATION_QUANTITY = 99
# EnergyPlus does not read the source/uncertainty flags; a fixed placeholder of the length
# TMY3 files use ('?' source not given, '9' uncertainty not given).
SOURCE_FLAGS = "?9" * 25


def month_starts():
    starts, day = [], 0
    for length in DAYS_IN_MONTH:
        starts.append(day)
        day += length
    return starts


def solve_linear(matrix, rhs):
    """Gaussian elimination with partial pivoting (12 unknowns: no library needed)."""
    n = len(rhs)
    a = [row[:] + [rhs[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def interpolate_daily(anchors):
    """Daily values, linear between anchors placed at mid-month, cyclic over the year."""
    starts = month_starts()
    centres = [starts[m] + DAYS_IN_MONTH[m] / 2.0 for m in range(12)]
    days = []
    for d in range(365):
        t = d + 0.5
        after = next((m for m in range(12) if centres[m] > t), 12)
        before = after - 1
        c0 = centres[before] if before >= 0 else centres[11] - 365.0
        v0 = anchors[before % 12]
        c1 = centres[after] if after < 12 else centres[0] + 365.0
        v1 = anchors[after % 12]
        days.append(v0 + (v1 - v0) * (t - c0) / (c1 - c0))
    return days


def mean_preserving_daily(monthly):
    """Killworth (1996), "Time interpolation of forcing fields in ocean models", J. Phys.
    Oceanogr. 26, 136-143: piecewise-linear daily values whose monthly means are the given
    ones, found by solving for the mid-month anchors (the interpolation is linear in them)."""
    starts = month_starts()

    def monthly_means(anchors):
        daily = interpolate_daily(anchors)
        return [sum(daily[starts[m] : starts[m] + DAYS_IN_MONTH[m]]) / DAYS_IN_MONTH[m] for m in range(12)]

    columns = [monthly_means([1.0 if k == j else 0.0 for k in range(12)]) for j in range(12)]
    matrix = [[columns[j][i] for j in range(12)] for i in range(12)]
    return interpolate_daily(solve_linear(matrix, monthly))


def diurnal_profile():
    """Erbs profile at hours 1..24, scaled to a unit range of its 24 hourly values so that the
    daily range of the file is the interpolated normal range; its daily mean is zero."""
    raw = []
    for hour in range(1, 25):
        t_star = 2.0 * math.pi * (hour - 1) / 24.0
        raw.append(sum(a * math.cos((k + 1) * t_star - b) for k, (a, b) in enumerate(ERBS_DIURNAL_HARMONICS)))
    span = max(raw) - min(raw)
    return [v / span for v in raw]


def saturation_vapour_pressure_kpa(t_c):
    return 0.6108 * math.exp(17.27 * t_c / (t_c + 237.3))  # FAO-56 eq. 11


def fao_daily_extraterrestrial(day_of_year):
    """FAO-56 eqs. 21, 23, 24, 25, 34: (H0 in Wh/m2, day length N in h)."""
    j = day_of_year
    phi = math.radians(LATITUDE_DEG)
    dr = 1.0 + 0.033 * math.cos(2.0 * math.pi * j / 365.0)
    delta = 0.409 * math.sin(2.0 * math.pi * j / 365.0 - 1.39)
    ws = math.acos(-math.tan(phi) * math.tan(delta))
    ra_mj = (24.0 * 60.0 / math.pi) * 0.0820 * dr * (
        ws * math.sin(phi) * math.sin(delta) + math.cos(phi) * math.cos(delta) * math.sin(ws)
    )
    return ra_mj / 0.0036, 24.0 / math.pi * ws


def spencer_angles(day_of_year):
    """Duffie & Beckman, Solar Engineering of Thermal Processes, 4th ed., eqs. 1.5.3 and 1.6.1b
    (Spencer 1971): (declination rad, equation of time min)."""
    b = 2.0 * math.pi * (day_of_year - 1) / 365.0
    eot = 229.2 * (0.000075 + 0.001868 * math.cos(b) - 0.032077 * math.sin(b)
                   - 0.014615 * math.cos(2 * b) - 0.04089 * math.sin(2 * b))
    dec = (0.006918 - 0.399912 * math.cos(b) + 0.070257 * math.sin(b) - 0.006758 * math.cos(2 * b)
           + 0.000907 * math.sin(2 * b) - 0.002697 * math.cos(3 * b) + 0.00148 * math.sin(3 * b))
    return dec, eot


def hour_angle_at_midpoint(day_of_year, hour):
    """Hour angle (rad) at the middle of the EPW hour `hour` (1..24, the hour ending then, local
    standard time): solar time = standard time + 4 (L_loc - L_st) + E minutes (D&B eq. 1.5.2,
    east longitudes positive)."""
    _, eot = spencer_angles(day_of_year)
    standard_meridian = 15.0 * TIME_ZONE_H
    solar_h = (hour - 0.5) + (4.0 * (LONGITUDE_DEG - standard_meridian) + eot) / 60.0
    return math.radians(15.0 * (solar_h - 12.0))


def cos_zenith(day_of_year, hour):
    dec, _ = spencer_angles(day_of_year)
    phi = math.radians(LATITUDE_DEG)
    w = hour_angle_at_midpoint(day_of_year, hour)
    return math.cos(phi) * math.cos(dec) * math.cos(w) + math.sin(phi) * math.sin(dec)  # D&B 1.6.5


def collares_pereira_rabl(day_of_year, hour):
    """Ratio of hourly to daily global irradiation, Collares-Pereira & Rabl (1979), Solar
    Energy 22, 155-164 (Duffie & Beckman §2.13), at the hour's midpoint."""
    dec, _ = spencer_angles(day_of_year)
    phi = math.radians(LATITUDE_DEG)
    ws = math.acos(-math.tan(phi) * math.tan(dec))
    w = hour_angle_at_midpoint(day_of_year, hour)
    if math.cos(w) <= math.cos(ws):
        return 0.0
    a = 0.409 + 0.5016 * math.sin(ws - math.pi / 3.0)
    b = 0.6609 - 0.4767 * math.sin(ws - math.pi / 3.0)
    return (math.pi / 24.0) * (a + b * math.cos(w)) * (math.cos(w) - math.cos(ws)) / (
        math.sin(ws) - ws * math.cos(ws))


def liu_jordan(day_of_year, hour):
    """Ratio of hourly to daily diffuse irradiation, Liu & Jordan (1960), Solar Energy 4(3) 1-19
    (Duffie & Beckman §2.13), at the hour's midpoint."""
    dec, _ = spencer_angles(day_of_year)
    phi = math.radians(LATITUDE_DEG)
    ws = math.acos(-math.tan(phi) * math.tan(dec))
    w = hour_angle_at_midpoint(day_of_year, hour)
    if math.cos(w) <= math.cos(ws):
        return 0.0
    return (math.pi / 24.0) * (math.cos(w) - math.cos(ws)) / (math.sin(ws) - ws * math.cos(ws))


def erbs_monthly_diffuse_fraction(clearness, sunset_angle_deg):
    """Monthly-average diffuse fraction, Erbs, Klein & Duffie (1982), Solar Energy 28(4)
    293-302 (Duffie & Beckman eq. 2.12.1), for 0.3 <= K_T <= 0.8. The monthly rather than the
    hourly correlation: applied to an average hour, the hourly one ignores that clear days carry
    most of the beam and gave 74 % diffuse over the year instead of about 50 %."""
    k = clearness
    if sunset_angle_deg <= 81.4:
        return 1.391 - 3.560 * k + 4.189 * k**2 - 2.137 * k**3
    return 1.311 - 3.022 * k + 3.427 * k**2 - 1.821 * k**3


def sunset_angle_deg(day_of_year):
    dec, _ = spencer_angles(day_of_year)
    return math.degrees(math.acos(-math.tan(math.radians(LATITUDE_DEG)) * math.tan(dec)))


def extraterrestrial_normal(day_of_year):
    return SOLAR_CONSTANT_W_M2 * (1.0 + 0.033 * math.cos(2.0 * math.pi * day_of_year / 365.0))  # D&B 1.4.1a


def relative_sunshine():
    """Monthly n/N: the sunshine normal over the month's astronomical day length (FAO-56)."""
    starts = month_starts()
    return [SUNSHINE_H[m] / sum(fao_daily_extraterrestrial(d + 1)[1]
                                for d in range(starts[m], starts[m] + DAYS_IN_MONTH[m]))
            for m in range(12)]


def sky_infrared(t_c, dew_c, opaque_tenths):
    n = opaque_tenths
    t_k, dew_k = t_c + 273.15, dew_c + 273.15
    eps = (0.787 + 0.764 * math.log(dew_k / 273.0)) * (1.0 + 0.0224 * n - 0.0035 * n**2 + 0.00028 * n**3)
    return eps * STEFAN_BOLTZMANN * t_k**4


def ground_temperatures():
    """Kusuda & Achenbach (1965) at the EPW depths, mid-month, from the monthly air normals."""
    mean = sum(T_MEAN) / 12.0
    amplitude = (max(T_MEAN) - min(T_MEAN)) / 2.0
    starts = month_starts()
    coldest = T_MEAN.index(min(T_MEAN))
    t0 = starts[coldest] + DAYS_IN_MONTH[coldest] / 2.0
    rows = []
    for z in GROUND_DEPTHS_M:
        damping = z * math.sqrt(math.pi / (365.0 * SOIL_DIFFUSIVITY_M2_DAY))
        temps = [mean - amplitude * math.exp(-damping)
                 * math.cos(2.0 * math.pi / 365.0 * (starts[m] + DAYS_IN_MONTH[m] / 2.0 - t0) - damping)
                 for m in range(12)]
        rows.append((z, temps))
    return rows


def build_rows():
    starts = month_starts()
    daily_mean = mean_preserving_daily(T_MEAN)
    daily_range = mean_preserving_daily([T_MAX[m] - T_MIN[m] for m in range(12)])
    profile = diurnal_profile()
    sunshine_fraction = relative_sunshine()
    rows = []
    for m in range(12):
        clearness = ANGSTROM_A + ANGSTROM_B * sunshine_fraction[m]
        middle_day = starts[m] + DAYS_IN_MONTH[m] // 2 + 1
        diffuse_fraction = erbs_monthly_diffuse_fraction(clearness, sunset_angle_deg(middle_day))
        sky_cover = round(10.0 * (1.0 - sunshine_fraction[m]))
        for d in range(starts[m], starts[m] + DAYS_IN_MONTH[m]):
            n = d + 1
            temps = [daily_mean[d] + daily_range[d] * p for p in profile]
            dew = min(temps)
            day_ghi = clearness * fao_daily_extraterrestrial(n)[0]
            fractions = [collares_pereira_rabl(n, h) for h in range(1, 25)]
            total_fraction = sum(fractions)
            diffuse_fractions = [liu_jordan(n, h) for h in range(1, 25)]
            total_diffuse_fraction = sum(diffuse_fractions)
            g_on = extraterrestrial_normal(n)
            for h in range(1, 25):
                t = temps[h - 1]
                rh = 100.0 * saturation_vapour_pressure_kpa(dew) / saturation_vapour_pressure_kpa(t)
                cz = cos_zenith(n, h)
                ghi = dni = dhi = etr_h = etr_n = 0.0
                if fractions[h - 1] > 0.0:
                    ghi = day_ghi * fractions[h - 1] / total_fraction
                    etr_h, etr_n = g_on * cz, g_on
                    day_dhi = day_ghi * diffuse_fraction
                    dhi = min(ghi, day_dhi * diffuse_fractions[h - 1] / total_diffuse_fraction)
                    dni = (ghi - dhi) / cz
                    if dni > g_on:  # beam cannot exceed the extraterrestrial: the rest is diffuse
                        dni = g_on
                        dhi = ghi - dni * cz
                ir = sky_infrared(t, dew, sky_cover)
                # minute 60: the end of the hour the row covers (data dictionary: minute 1..60)
                rows.append([
                    NOMINAL_YEAR, m + 1, d - starts[m] + 1, h, 60, SOURCE_FLAGS,
                    f"{t:.1f}", f"{dew:.1f}", round(rh), PRESSURE_PA,
                    round(etr_h), round(etr_n), round(ir), round(ghi), round(dni), round(dhi),
                    MISSING_ILLUMINANCE, MISSING_ILLUMINANCE, MISSING_ILLUMINANCE, MISSING_ZENITH_LUMINANCE,
                    MISSING_WIND, MISSING_WIND, sky_cover, sky_cover, MISSING_VISIBILITY, MISSING_CEILING,
                    PRESENT_WEATHER_NOT_OBSERVED, PRESENT_WEATHER_CODES_MISSING, MISSING_PRECIPITABLE_WATER,
                    MISSING_AEROSOL_OPTICAL_DEPTH, MISSING_SNOW_DEPTH, MISSING_DAYS_SINCE_SNOW, MISSING_ALBEDO,
                    MISSING_LIQUID_PRECIPITATION_DEPTH, MISSING_LIQUID_PRECIPITATION_QUANTITY,
                ])
    return rows


def header_lines():
    ground = ",".join(f"{z:g},,,," + ",".join(f"{t:.2f}" for t in temps) for z, temps in ground_temperatures())
    return [
        f"LOCATION,{STATION_NAME},NPC,FRA,Synthetic typical year from 1991-2020 normals,{WMO},"
        f"{LATITUDE_DEG:.2f},{LONGITUDE_DEG:.2f},{TIME_ZONE_H:.1f},{ELEVATION_M:.1f}",
        "DESIGN CONDITIONS,0",
        "TYPICAL/EXTREME PERIODS,0",
        f"GROUND TEMPERATURES,{len(GROUND_DEPTHS_M)},{ground}",
        "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
        "COMMENTS 1,Synthetic typical year built by tools/climate/make_typical_year.py from the Lille-Lesquin"
        " 1991-2020 monthly normals of Tmean Tmin Tmax and sunshine (Meteo-France station 59343001 as transcribed"
        " in thermal-reference.md 3.1); temperature by mean-preserving interpolation (Killworth 1996) and the"
        " Erbs et al. 1983 diurnal profile; solar by Angstrom-Prescott (FAO-56) then Collares-Pereira & Rabl 1979;"
        " Erbs et al. 1982 (monthly diffuse) and Liu & Jordan 1960; no day-to-day weather; see docs/climate.md",
        "COMMENTS 2,Dew point = daily minimum (FAO-56 eq. 48); sky cover = 10(1 - relative sunshine);"
        " wind rain snow illuminance and visibility not built (missing codes); ground temperatures by Kusuda and"
        f" Achenbach with soil diffusivity {SOIL_DIFFUSIVITY_M2_H:.7E} m2/h",
        f"DATA PERIODS,1,1,Data,{FIRST_WEEKDAY}, 1/ 1,12/31",
    ]


def render():
    lines = header_lines() + [",".join(str(field) for field in row) for row in build_rows()]
    return "\r\n".join(lines) + "\r\n"


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", default=os.path.join(root, "data", "climate", "lille-lesquin-typical.epw"))
    args = parser.parse_args()
    with open(args.output, "w", encoding="ascii", newline="") as out:
        out.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
