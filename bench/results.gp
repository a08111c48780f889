
set terminal pngcairo size 1400,640 noenhanced font ",10"
set output '/work/wt/unroll/bench/results.png'
set title 'Speedup over python3 (median wall time; higher is better; log scale)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set yrange [0.468473:*]
set grid ytics
set ylabel 'speedup over python3'
set xtics rotate by -35
set key top left
set datafile missing 'NaN'
plot for [i=2:5] '/work/wt/unroll/bench/results.dat' using i:xtic(1) title columnheader(i), 1 with lines lc rgb 'black' dt 2 notitle
