# Impact-prediction error against time since first detection (bundled rocket
# scenario, 100 replications). Regenerate:
#   build/release/bench/impact_accuracy 100 /tmp/impact_accuracy.csv
#   gnuplot docs/img/impact_accuracy.gp
if (!exists("data")) data = '/tmp/impact_accuracy.csv'
if (!exists("out")) out = 'docs/img/impact_accuracy.png'
set terminal pngcairo size 900,520 font 'sans,11'
set output out
set termoption noenhanced
set datafile separator ','
set title "Impact prediction error, border_town_salvo (13 rockets, 100 replications)"
set xlabel 'time since the threat was first detected [s]'
set ylabel 'distance from the true impact point [m]'
set logscale y
set grid xtics ytics mytics
set key top right
plot data every ::1 using 1:4 with linespoints pointtype 6 linecolor rgb '#d62728' linewidth 2 title '95th percentile', \
     data every ::1 using 1:3 with linespoints pointtype 7 linecolor rgb '#1f77b4' linewidth 2 title 'median'
