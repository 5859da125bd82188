# pcrb_rocket.gp -- docs/img/pcrb_rocket.png: position RMSE of the tracker
# (EKF, UKF) against the posterior Cramer-Rao bound, one 122 mm rocket, one
# radar (docs/tracking_accuracy.md).
#
# Regenerate (from the repository root, after building pcrb_study):
#   pcrb_study /tmp/pcrb.csv
#   pcrb_study /tmp/pcrb_defaults.csv --library-defaults
#   gnuplot docs/img/pcrb_rocket.gp
# Other inputs or output:
#   gnuplot -e "study='a.csv'; defaults='b.csv'; out='c.png'" docs/img/pcrb_rocket.gp

if (!exists("study")) study = '/tmp/pcrb.csv'
if (!exists("defaults")) defaults = '/tmp/pcrb_defaults.csv'
if (!exists("out")) out = 'docs/img/pcrb_rocket.png'
converged_t = 13.0   # scan 10: start of the verdict window

set terminal pngcairo size 1100,1000 enhanced font 'DejaVu Sans,12' linewidth 1.5
set output out
set datafile separator ','
set datafile missing 'nan'
set key autotitle columnhead

# Columns: 2 t_s, 6 pcrb_pos_m, 10 ekf_rmse_pos_m, 19 ukf_rmse_pos_m.
set multiplot layout 2,1 title "One 122 mm rocket, one radar 26 km away (10 m, 1 mrad, 1 s, P_D = 1): position RMSE of 200 Monte Carlo runs vs PCRB" font ',13'

set xlabel 'time since launch [s]'
set ylabel 'position error, sqrt of trace [m]'
set grid
set xrange [0:72]
set key top right box opaque
set arrow 1 from converged_t, graph 0 to converged_t, graph 1 nohead dashtype 3 linecolor rgb 'gray40'
set label 1 'verdict window →' at converged_t + 1, graph 0.06 textcolor rgb 'gray30'

set title 'study settings: q_{velocity} 0.01 m^2/s^3, q_{kappa} 1e-10 (m^2/kg)^2/s, prior kappa 2e-4 ± 2e-4 m^2/kg'
set yrange [0:50]
plot study using 2:($6*0.75):($6*1.25) with filledcurves fillcolor rgb '#dddddd' fillstyle solid 1.0 noborder title 'PCRB ± 25 %', \
     study using 2:6 with lines linecolor rgb 'black' linewidth 2 title 'PCRB (tracker model)', \
     study using 2:10 with linespoints pointtype 7 pointsize 0.7 linecolor rgb '#d62728' linewidth 1.5 title 'EKF RMSE', \
     study using 2:19 with linespoints pointtype 6 pointsize 1.3 linecolor rgb '#1f77b4' linewidth 1 dashtype 2 title 'UKF RMSE'

set title 'TrackerConfig defaults: q_{ballistic} 0.1 m^2/s^3, q_{kappa} 1e-9 (m^2/kg)^2/s, prior kappa 2e-4 ± 2e-4 m^2/kg'
set yrange [0:50]
plot defaults using 2:($6*0.75):($6*1.25) with filledcurves fillcolor rgb '#dddddd' fillstyle solid 1.0 noborder title 'PCRB ± 25 %', \
     defaults using 2:6 with lines linecolor rgb 'black' linewidth 2 title 'PCRB (tracker model)', \
     defaults using 2:10 with linespoints pointtype 7 pointsize 0.7 linecolor rgb '#d62728' linewidth 1.5 title 'EKF RMSE', \
     defaults using 2:19 with linespoints pointtype 6 pointsize 1.3 linecolor rgb '#1f77b4' linewidth 1 dashtype 2 title 'UKF RMSE'

unset multiplot
