# miss_distance.gp -- docs/img/miss_distance.png: Tamir miss distance against a
# 122 mm rocket, against the uplinked track's noise and against the PN
# navigation constant (docs/interceptor.md). Regenerate:
#   build/release/bench/miss_study /tmp/miss.csv
#   gnuplot docs/img/miss_distance.gp
if (!exists("data")) data = '/tmp/miss.csv'
if (!exists("out")) out = 'docs/img/miss_distance.png'
set terminal pngcairo size 1000,420 font 'sans,10'
set output out
set termoption noenhanced
set datafile separator ','
set multiplot layout 1,2 title "Tamir against a 122 mm rocket: miss distance (200 engagements per point)"
set logscale y
set grid xtics ytics mytics
set ylabel 'miss distance [m]'
set key top left
set xlabel 'track position noise in the uplink, 1 sigma [m] (0 plotted at 1)'
set logscale x
plot data using (strcol(1) eq 'track_noise' ? ($2 > 0 ? $2 : 1) : 1/0):3 with linespoints pt 7 lc rgb '#1f77b4' lw 2 title 'median', \
     data using (strcol(1) eq 'track_noise' ? ($2 > 0 ? $2 : 1) : 1/0):4 with linespoints pt 6 lc rgb '#d62728' lw 2 title '95th percentile', \
     6 with lines dt 2 lc rgb 'gray40' title 'lethal radius'
unset logscale x
set xlabel 'navigation constant N (track noise 30 m)'
set xrange [1.5:6.5]
plot data using (strcol(1) eq 'navigation_constant' ? $2 : 1/0):3 with linespoints pt 7 lc rgb '#1f77b4' lw 2 title 'median', \
     data using (strcol(1) eq 'navigation_constant' ? $2 : 1/0):4 with linespoints pt 6 lc rgb '#d62728' lw 2 title '95th percentile', \
     6 with lines dt 2 lc rgb 'gray40' title 'lethal radius'
unset multiplot
