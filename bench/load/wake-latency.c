// gcc -O2 -o /tmp/wake-latency bench/load/wake-latency.c && /tmp/wake-latency COUNT GAP_US  (e.g. 2000 5000)
// How fast this machine wakes a blocked reader on the other CPU (issue 16: is the p99 gap the VM?).
// one-way wake-up latency between two CPUs: parent writes its CLOCK_MONOTONIC to a pipe every gap_us, child (blocked in read) stamps arrival
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
static long long now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1000000000LL+t.tv_nsec;}
static int cmp(const void*a,const void*b){long long x=*(long long*)a,y=*(long long*)b;return x<y?-1:x>y;}
int main(int c,char**v){int n=atoi(v[1]);int gap=atoi(v[2]);int p[2],q[2];pipe(p);pipe(q);cpu_set_t s;
 if(fork()==0){CPU_ZERO(&s);CPU_SET(1,&s);sched_setaffinity(0,sizeof s,&s);long long*d=malloc(8*n);for(int i=0;i<n;i++){long long t;read(p[0],&t,8);d[i]=now()-t;}
  qsort(d,n,8,cmp);printf("gap %d us: wake p50 %.3f p90 %.3f p99 %.3f p999 %.3f ms\n",gap,d[n/2]/1e6,d[n*9/10]/1e6,d[n*99/100]/1e6,d[n*999/1000]/1e6);write(q[1],"x",1);return 0;}
 CPU_ZERO(&s);CPU_SET(0,&s);sched_setaffinity(0,sizeof s,&s);for(int i=0;i<n;i++){struct timespec g={0,gap*1000L};nanosleep(&g,0);long long t=now();write(p[1],&t,8);}char x;read(q[0],&x,1);return 0;}
